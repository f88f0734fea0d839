// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {LicenseManager} from "../src/LicenseManager.sol";
import {IAssetRegistry} from "../src/interfaces/IAssetRegistry.sol";
import {ILicenseManager} from "../src/interfaces/ILicenseManager.sol";
import {MockCuratorRewards} from "./mocks/MockCuratorRewards.sol";
import {MockERC20Permit, MockFeeOnTransfer} from "./mocks/MockERC20Permit.sol";
import {Fixture} from "./utils/Fixture.sol";
import {StdStorage, stdStorage} from "forge-std/StdStorage.sol";

contract LicenseManagerTest is Fixture {
    using stdStorage for StdStorage;

    LicenseManager internal licenses;
    MockCuratorRewards internal curators;
    MockERC20Permit internal usd;
    address internal treasury = makeAddr("treasury");
    uint256 internal clinicKey = 0xC11;
    address internal clinic = vm.addr(clinicKey);
    address internal nurse = makeAddr("nurse");
    uint256 internal dataset;
    uint256 internal model;

    uint16 internal constant FEE_BPS = 500;
    uint16 internal constant CURATOR_BPS = 500;
    uint16 internal constant UPSTREAM_BPS = 1_000;
    uint32 internal constant MONTH = 30 days;

    /// The LicenseManager, deployed after the fixture, is the vault.
    function _testIsTheVault() internal pure override returns (bool) {
        return false;
    }

    function setUp() public override {
        super.setUp();
        curators = new MockCuratorRewards();
        usd = new MockERC20Permit();
        licenses = new LicenseManager(admin, registry, shares, curators, treasury, FEE_BPS, CURATOR_BPS);
        vm.startPrank(admin);
        shares.setVault(licenses);
        licenses.setCurrencyAllowed(address(usd), true);
        vm.stopPrank();
        dataset = _registerAs(builder);
        IAssetRegistry.Parent[] memory parents = new IAssetRegistry.Parent[](1);
        parents[0] = IAssetRegistry.Parent({assetId: dataset, bps: UPSTREAM_BPS});
        vm.prank(builder);
        model = registry.register(IAssetRegistry.AssetKind.Model, CARD, CONTENT, _soleSplit(builder), parents);
        vm.deal(clinic, 100 ether);
        usd.mint(clinic, 1_000_000e6);
    }

    function _offer(ILicenseManager.Terms memory terms) internal returns (uint256) {
        vm.prank(builder);
        return licenses.createOffer(model, terms);
    }

    function _buyEth(uint256 offerId, uint32 seats, uint32 periods, uint256 value) internal returns (uint256) {
        vm.prank(clinic);
        return licenses.purchase{value: value}(offerId, seats, periods, clinic, type(uint256).max);
    }

    // ── offers ──

    function test_createOffer_storesTermsAndEmits() public {
        ILicenseManager.Terms memory t = _terms(address(0), 1 ether, MONTH);
        vm.expectEmit(true, true, false, true, address(licenses));
        emit ILicenseManager.OfferCreated(1, model, 1 ether, address(0), MONTH, 0, 0, 3, false, keccak256("terms v1"));
        uint256 offerId = _offer(t);
        LicenseManager.Offer memory stored = licenses.offerOf(offerId);
        assertEq(stored.assetId, model);
        assertEq(stored.price, 1 ether);
    }

    function test_createOffer_revertsForNonOwner() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerNotAssetOwner.selector, model, clinic));
        vm.prank(clinic);
        licenses.createOffer(model, _terms(address(0), 1 ether, MONTH));
    }

    function test_createOffer_revertsOnBadTerms() public {
        vm.startPrank(builder);
        vm.expectRevert(ILicenseManager.LicenseManagerZeroPrice.selector);
        licenses.createOffer(model, _terms(address(0), 0, MONTH));
        ILicenseManager.Terms memory t = _terms(address(0), 1, MONTH);
        t.rights = 0;
        vm.expectRevert(ILicenseManager.LicenseManagerNoRights.selector);
        licenses.createOffer(model, t);
        t = _terms(address(0xBEEF), 1, MONTH);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerCurrencyNotAllowed.selector, address(0xBEEF)));
        licenses.createOffer(model, t);
        t = _terms(address(0), 1, MONTH);
        t.pinnedVersion = 2;
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerUnknownVersion.selector, model, 2));
        licenses.createOffer(model, t);
        vm.stopPrank();
    }

    function test_retireOffer_stopsSales() public {
        uint256 offerId = _offer(_terms(address(0), 1 ether, MONTH));
        vm.prank(builder);
        licenses.retireOffer(offerId);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerOfferRetired.selector, offerId));
        _buyEth(offerId, 1, 1, 1 ether);
    }

    // ── purchase ──

    function test_purchase_inEthSplitsPaymentAndRefundsSurplus() public {
        uint256 offerId = _offer(_terms(address(0), 1 ether, MONTH));
        curators.setStaked(model, true);
        uint256 id = _buyEth(offerId, 2, 3, 10 ether);

        uint256 total = 6 ether;
        assertEq(clinic.balance, 100 ether - total);
        assertEq(licenses.ownerOf(id), clinic);
        assertEq(licenses.accruedProtocolFees(address(0)), (total * FEE_BPS) / 10_000);
        assertEq(curators.received(address(0)), (total * CURATOR_BPS) / 10_000);
        assertEq(shares.claimable(builder, dataset, address(0)), (total * UPSTREAM_BPS) / 10_000);
        assertEq(shares.claimable(builder, model, address(0)), total * 8_000 / 10_000);
        // The vault keeps the fee and the shareholders' revenue until they are withdrawn and claimed.
        assertEq(
            address(licenses).balance,
            licenses.accruedProtocolFees(address(0)) + (total * UPSTREAM_BPS) / 10_000 + total * 8_000 / 10_000
        );
        LicenseManager.License memory license = licenses.licenseOf(id);
        assertEq(license.expiresAt, block.timestamp + 3 * MONTH);
        assertEq(license.seats, 2);
        assertTrue(licenses.isValid(id, clinic));
    }

    function test_purchase_withoutStakersGivesCuratorShareToShareholders() public {
        uint256 offerId = _offer(_terms(address(0), 1 ether, 0));
        _buyEth(offerId, 1, 1, 1 ether);
        assertEq(curators.received(address(0)), 0);
        assertEq(shares.claimable(builder, model, address(0)), 0.85 ether);
    }

    function test_purchase_inErc20WithPermit() public {
        uint256 offerId = _offer(_terms(address(usd), 500e6, MONTH));
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19\x01",
                usd.DOMAIN_SEPARATOR(),
                keccak256(
                    abi.encode(
                        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                        clinic,
                        address(licenses),
                        500e6,
                        usd.nonces(clinic),
                        deadline
                    )
                )
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(clinicKey, digest);
        vm.prank(clinic);
        uint256 id = licenses.purchaseWithPermit(offerId, 1, 1, clinic, 500e6, deadline, v, r, s);
        assertEq(usd.balanceOf(clinic), 1_000_000e6 - 500e6);
        assertEq(licenses.accruedProtocolFees(address(usd)), 25e6);
        assertEq(shares.claimable(builder, model, address(usd)), 425e6);
        assertTrue(licenses.isValid(id, clinic));
    }

    function test_purchase_rejectsFeeOnTransferTokens() public {
        MockFeeOnTransfer fot = new MockFeeOnTransfer();
        vm.prank(admin);
        licenses.setCurrencyAllowed(address(fot), true);
        uint256 offerId = _offer(_terms(address(fot), 100, MONTH));
        fot.mint(clinic, 1_000);
        vm.startPrank(clinic);
        fot.approve(address(licenses), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerTokenShortfall.selector, 99, 100));
        licenses.purchase(offerId, 1, 1, clinic, 100);
        vm.stopPrank();
    }

    function test_purchase_revertsOnBadInput() public {
        uint256 offerId = _offer(_terms(address(0), 1 ether, MONTH));
        uint256 perpetual = _offer(_terms(address(0), 1 ether, 0));
        vm.startPrank(clinic);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerUnknownOffer.selector, 99));
        licenses.purchase{value: 1 ether}(99, 1, 1, clinic, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerInvalidQuantity.selector, 0, 1));
        licenses.purchase{value: 1 ether}(offerId, 0, 1, clinic, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerInvalidQuantity.selector, 1, 2));
        licenses.purchase{value: 2 ether}(perpetual, 1, 2, clinic, 2 ether);
        vm.expectRevert(ILicenseManager.LicenseManagerZeroRecipient.selector);
        licenses.purchase{value: 1 ether}(offerId, 1, 1, address(0), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerAboveMaxTotal.selector, 2 ether, 1 ether));
        licenses.purchase{value: 2 ether}(offerId, 2, 1, clinic, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerWrongValue.selector, 0.5 ether, 1 ether));
        licenses.purchase{value: 0.5 ether}(offerId, 1, 1, clinic, 1 ether);
        uint32 tooMany = 1 << 24;
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerInvalidQuantity.selector, tooMany, 1));
        licenses.purchase{value: 1 ether}(offerId, tooMany, 1, clinic, type(uint256).max);
        vm.stopPrank();
        assertEq(licenses.licenseCount(), 0);
    }

    function test_purchase_packsTheLargestSeatCountAndLatestExpiry() public {
        uint256 offerId = _offer(_terms(address(0), 1, type(uint32).max));
        uint32 seats = (1 << 24) - 1;
        // 256 periods of 2^32 - 1 seconds reach the 2^40 expiry cap; one more period is refused.
        uint32 periods = uint32((type(uint40).max - block.timestamp) / type(uint32).max);
        vm.deal(clinic, uint256(seats) * (periods + 1));
        vm.expectRevert(
            abi.encodeWithSelector(ILicenseManager.LicenseManagerInvalidQuantity.selector, seats, periods + 1)
        );
        _buyEth(offerId, seats, periods + 1, uint256(seats) * (periods + 1));
        uint256 id = _buyEth(offerId, seats, periods, uint256(seats) * periods);
        LicenseManager.License memory license = licenses.licenseOf(id);
        assertEq(license.seats, seats);
        assertEq(license.offerId, offerId);
        assertEq(license.expiresAt, block.timestamp + uint256(type(uint32).max) * periods);
        assertEq(license.price, 1);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerInvalidQuantity.selector, seats, 1));
        vm.prank(clinic);
        licenses.renew{value: seats}(id, 1);
    }

    function test_createOffer_revertsPastTheLastOfferId() public {
        stdstore.target(address(licenses)).sig(licenses.offerCount.selector).checked_write(type(uint32).max - 1);
        _offer(_terms(address(0), 1 ether, MONTH));
        assertEq(licenses.offerCount(), type(uint32).max);
        vm.expectRevert(ILicenseManager.LicenseManagerTooManyOffers.selector);
        vm.prank(builder);
        licenses.createOffer(model, _terms(address(0), 1 ether, MONTH));
    }

    // ── vault ──

    function test_release_onlyForTheShares() public {
        _buyEth(_offer(_terms(address(0), 1 ether, MONTH)), 1, 1, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerNotShares.selector, clinic));
        vm.prank(clinic);
        licenses.release(address(0), clinic, 1);
        // Claims go through the shares, which release exactly what was credited.
        uint256[] memory assets = new uint256[](2);
        (assets[0], assets[1]) = (model, dataset);
        address[] memory eth = new address[](1);
        vm.prank(builder);
        uint256[] memory paid = shares.claim(assets, eth, builder);
        assertEq(paid[0], 0.85 ether + 0.1 ether);
        assertEq(builder.balance, 0.95 ether);
        assertEq(address(licenses).balance, licenses.accruedProtocolFees(address(0)));
    }

    function test_purchase_revertsWhenSoldOut() public {
        ILicenseManager.Terms memory t = _terms(address(0), 1 ether, MONTH);
        t.maxLicenses = 1;
        uint256 offerId = _offer(t);
        _buyEth(offerId, 1, 1, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerSoldOut.selector, offerId, 1));
        _buyEth(offerId, 1, 1, 1 ether);
    }

    function test_purchase_revertsWhenPaused() public {
        uint256 offerId = _offer(_terms(address(0), 1 ether, MONTH));
        vm.prank(admin);
        licenses.pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        _buyEth(offerId, 1, 1, 1 ether);
    }

    // ── renew, expiry ──

    function test_renew_extendsFromExpiryAtRecordedPrice() public {
        uint256 offerId = _offer(_terms(address(0), 1 ether, MONTH));
        uint256 id = _buyEth(offerId, 1, 1, 1 ether);
        uint256 firstExpiry = licenses.licenseOf(id).expiresAt;
        vm.prank(clinic);
        licenses.renew{value: 2 ether}(id, 2);
        assertEq(licenses.licenseOf(id).expiresAt, firstExpiry + 2 * MONTH);
        vm.warp(firstExpiry + 3 * MONTH);
        assertFalse(licenses.isValid(id, clinic));
    }

    function test_renew_revertsForPerpetualLicense() public {
        uint256 id = _buyEth(_offer(_terms(address(0), 1 ether, 0)), 1, 1, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerPerpetual.selector, id));
        licenses.renew(id, 1);
    }

    // ── seats ──

    function test_delegateSeat_grantsAccessUpToSeats() public {
        uint256 id = _buyEth(_offer(_terms(address(0), 1 ether, MONTH)), 2, 1, 2 ether);
        vm.startPrank(clinic);
        licenses.delegateSeat(id, nurse);
        assertTrue(licenses.isValid(id, nurse));
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerNoFreeSeat.selector, id, 2));
        licenses.delegateSeat(id, makeAddr("doctor"));
        licenses.revokeSeat(id, nurse);
        assertFalse(licenses.isValid(id, nurse));
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerNotDelegated.selector, id, nurse));
        licenses.revokeSeat(id, nurse);
        vm.stopPrank();
    }

    function test_delegateSeat_revertsForNonHolder() public {
        uint256 id = _buyEth(_offer(_terms(address(0), 1 ether, MONTH)), 2, 1, 2 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerNotHolder.selector, id, nurse));
        vm.prank(nurse);
        licenses.delegateSeat(id, nurse);
    }

    function test_transfer_revertsForSoulboundLicense() public {
        uint256 id = _buyEth(_offer(_terms(address(0), 1 ether, MONTH)), 1, 1, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerSoulbound.selector, id));
        vm.prank(clinic);
        licenses.transferFrom(clinic, nurse, id);
    }

    function test_transfer_ofTransferableLicenseDropsOldDelegates() public {
        ILicenseManager.Terms memory t = _terms(address(0), 1 ether, MONTH);
        t.transferable = true;
        uint256 id = _buyEth(_offer(t), 2, 1, 2 ether);
        address other = makeAddr("other clinic");
        vm.startPrank(clinic);
        licenses.delegateSeat(id, nurse);
        licenses.transferFrom(clinic, other, id);
        vm.stopPrank();
        assertFalse(licenses.isValid(id, nurse));
        assertTrue(licenses.isValid(id, other));
    }

    // ── ERC-721 entry points refuse ETH ──

    function _transferableLicense() internal returns (uint256) {
        ILicenseManager.Terms memory t = _terms(address(0), 1 ether, MONTH);
        t.transferable = true;
        return _buyEth(_offer(t), 1, 1, 1 ether);
    }

    function test_approve_revertsWithEth() public {
        uint256 id = _transferableLicense();
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerWrongValue.selector, 1, 0));
        vm.prank(clinic);
        licenses.approve{value: 1}(nurse, id);
    }

    function test_transferFrom_revertsWithEth() public {
        uint256 id = _transferableLicense();
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerWrongValue.selector, 1, 0));
        vm.prank(clinic);
        licenses.transferFrom{value: 1}(clinic, nurse, id);
    }

    function test_safeTransferFrom_revertsWithEth() public {
        uint256 id = _transferableLicense();
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerWrongValue.selector, 1, 0));
        vm.prank(clinic);
        licenses.safeTransferFrom{value: 1}(clinic, nurse, id);
    }

    function test_safeTransferFromWithData_revertsWithEth() public {
        uint256 id = _transferableLicense();
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerWrongValue.selector, 1, 0));
        vm.prank(clinic);
        licenses.safeTransferFrom{value: 1}(clinic, nurse, id, "");
    }

    // ── admin ──

    function test_withdrawProtocolFees_paysTreasury() public {
        _buyEth(_offer(_terms(address(0), 1 ether, MONTH)), 1, 1, 1 ether);
        licenses.withdrawProtocolFees(address(0));
        assertEq(treasury.balance, 0.05 ether);
        assertEq(licenses.accruedProtocolFees(address(0)), 0);
    }

    function test_setFees_enforcesCapsAndRole() public {
        vm.startPrank(admin);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerFeeAboveCap.selector, 1_001, 1_000));
        licenses.setFees(1_001, 0);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerFeeAboveCap.selector, 2_001, 2_000));
        licenses.setFees(0, 2_001);
        vm.stopPrank();
        bytes32 role = licenses.FEE_MANAGER_ROLE();
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, clinic, role));
        vm.prank(clinic);
        licenses.setFees(0, 0);
    }

    // ── fuzz ──

    function testFuzz_purchase_splitAddsUpToTotal(uint96 price, uint8 seats, uint8 periods, uint16 fee, uint16 cur)
        public
    {
        price = uint96(bound(price, 1, 1e21));
        seats = uint8(bound(seats, 1, 20));
        periods = uint8(bound(periods, 1, 12));
        fee = uint16(bound(fee, 0, 1_000));
        cur = uint16(bound(cur, 0, 2_000));
        vm.prank(admin);
        licenses.setFees(fee, cur);
        curators.setStaked(model, true);
        uint256 offerId = _offer(_terms(address(0), price, MONTH));
        uint256 total = uint256(price) * seats * periods;
        vm.deal(clinic, total);
        _buyEth(offerId, seats, periods, total);

        uint256 toShares = shares.claimable(builder, model, address(0)) + shares.claimable(builder, dataset, address(0));
        uint256 parts = licenses.accruedProtocolFees(address(0)) + curators.received(address(0)) + toShares;
        // Shareholders' claims round down by at most a wei per asset; nothing else is lost.
        assertLe(parts, total);
        assertGe(parts + 2, total);
        assertEq(address(licenses).balance + curators.received(address(0)), total);
        assertLe(parts - curators.received(address(0)), address(licenses).balance, "the vault covers every claim");
    }
}
