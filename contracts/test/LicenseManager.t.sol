// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20Errors, IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {StdStorage, stdStorage} from "forge-std/StdStorage.sol";
import {LicenseManager} from "../src/LicenseManager.sol";
import {IAssetRegistry} from "../src/interfaces/IAssetRegistry.sol";
import {ILicenseManager} from "../src/interfaces/ILicenseManager.sol";
import {MockCuratorRewards} from "./mocks/MockCuratorRewards.sol";
import {MockERC20Permit, MockFeeOnTransfer} from "./mocks/MockERC20Permit.sol";
import {Fixture} from "./utils/Fixture.sol";

/// LicenseManager unit tests, one behaviour each. The staking pool is a mock here (Marketplace.t.sol
/// wires the real one). A `model` asset has the `dataset` as its parent (10% upstream); fees are 5%
/// protocol and 5% curators, so a sale of 1 ether splits 0.05 / 0.10 / 0.05 (if staked) / rest.
contract LicenseManagerTest is Fixture {
    using stdStorage for StdStorage;

    LicenseManager internal licenses;
    MockCuratorRewards internal curators;
    MockERC20Permit internal usd;
    address internal treasury = makeAddr("treasury");
    uint256 internal clinicKey = 0xC11;
    address internal clinic = vm.addr(clinicKey);
    address internal nurse = makeAddr("nurse");
    address internal doctor = makeAddr("doctor");
    uint256 internal dataset;
    uint256 internal model;

    uint16 internal constant FEE_BPS = 500;
    uint16 internal constant CURATOR_BPS = 500;
    uint16 internal constant UPSTREAM_BPS = 1_000;
    uint32 internal constant MONTH = 30 days;
    uint256 internal constant MAX_EXPIRY = type(uint40).max;

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
        vm.deal(nurse, 100 ether);
        usd.mint(clinic, 1_000_000e6);
    }

    // ─────────────────────────────────────────── helpers ───────────────────────────────────────────

    function _offer(ILicenseManager.Terms memory terms) internal returns (uint256) {
        vm.prank(builder);
        return licenses.createOffer(model, terms);
    }

    function _ethOffer() internal returns (uint256) {
        return _offer(_terms(address(0), 1 ether, MONTH));
    }

    function _usdOffer() internal returns (uint256) {
        return _offer(_terms(address(usd), 500e6, MONTH));
    }

    function _transferableOffer() internal returns (uint256) {
        ILicenseManager.Terms memory t = _terms(address(0), 1 ether, MONTH);
        t.transferable = true;
        return _offer(t);
    }

    function _buyEth(uint256 offerId, uint32 seats, uint32 periods, uint256 value) internal returns (uint256) {
        vm.prank(clinic);
        return licenses.purchase{value: value}(offerId, seats, periods, clinic, type(uint256).max);
    }

    function _buyUsd(uint256 offerId) internal returns (uint256 licenseId) {
        vm.startPrank(clinic);
        usd.approve(address(licenses), type(uint256).max);
        licenseId = licenses.purchase(offerId, 1, 1, clinic, type(uint256).max);
        vm.stopPrank();
    }

    function _permit(uint256 value, uint256 deadline) internal view returns (uint8 v, bytes32 r, bytes32 s) {
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                clinic,
                address(licenses),
                value,
                usd.nonces(clinic),
                deadline
            )
        );
        return vm.sign(clinicKey, keccak256(abi.encodePacked("\x19\x01", usd.DOMAIN_SEPARATOR(), structHash)));
    }

    function _expectMissingRole(address account, bytes32 role) internal {
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, account, role));
    }

    function _expectInvalidQuantity(uint256 seats, uint256 periods) internal {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerInvalidQuantity.selector, seats, periods));
    }

    // ───────────────────────────────────────── constructor ─────────────────────────────────────────

    function test_constructor_setsContractsTreasuryAndFees() public view {
        assertEq(address(licenses.REGISTRY()), address(registry));
        assertEq(address(licenses.SHARES()), address(shares));
        assertEq(address(licenses.CURATORS()), address(curators));
        assertEq(licenses.treasury(), treasury);
        assertEq(licenses.protocolFeeBps(), FEE_BPS);
        assertEq(licenses.curatorBps(), CURATOR_BPS);
        assertEq(licenses.offerCount(), 0);
        assertEq(licenses.licenseCount(), 0);
    }

    function test_constructor_grantsAdminFeeManagerAndPauserRolesToAdmin() public view {
        assertTrue(licenses.hasRole(licenses.DEFAULT_ADMIN_ROLE(), admin));
        assertTrue(licenses.hasRole(licenses.FEE_MANAGER_ROLE(), admin));
        assertTrue(licenses.hasRole(licenses.PAUSER_ROLE(), admin));
    }

    function test_constructor_emitsTreasurySetAndFeesSet() public {
        vm.expectEmit(false, false, false, true);
        emit ILicenseManager.TreasurySet(treasury);
        vm.expectEmit(false, false, false, true);
        emit ILicenseManager.FeesSet(FEE_BPS, CURATOR_BPS);
        new LicenseManager(admin, registry, shares, curators, treasury, FEE_BPS, CURATOR_BPS);
    }

    function test_constructor_revertsOnZeroTreasury() public {
        vm.expectRevert(ILicenseManager.LicenseManagerZeroTreasury.selector);
        new LicenseManager(admin, registry, shares, curators, address(0), FEE_BPS, CURATOR_BPS);
    }

    function test_constructor_revertsOnProtocolFeeAboveCap() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerFeeAboveCap.selector, 1_001, 1_000));
        new LicenseManager(admin, registry, shares, curators, treasury, 1_001, CURATOR_BPS);
    }

    function test_constructor_revertsOnCuratorShareAboveCap() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerFeeAboveCap.selector, 2_001, 2_000));
        new LicenseManager(admin, registry, shares, curators, treasury, FEE_BPS, 2_001);
    }

    // ──────────────────────────────────────── ERC-721 metadata ─────────────────────────────────────────

    function test_name_isTesseraLicense() public view {
        assertEq(licenses.name(), "Tessera License");
    }

    function test_symbol_isTSRL() public view {
        assertEq(licenses.symbol(), "TSRL");
    }

    function test_tokenURI_isEmptyForAnExistingLicense() public {
        uint256 id = _buyEth(_ethOffer(), 1, 1, 1 ether);
        assertEq(licenses.tokenURI(id), "");
    }

    function test_tokenURI_revertsForUnknownLicense() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerUnknownLicense.selector, 1));
        licenses.tokenURI(1);
    }

    function test_supportsInterface_erc721MetadataAndAccessControl() public view {
        assertTrue(licenses.supportsInterface(0x01ffc9a7)); // ERC-165
        assertTrue(licenses.supportsInterface(0x80ac58cd)); // ERC-721
        assertTrue(licenses.supportsInterface(0x5b5e139f)); // ERC-721 metadata
        assertTrue(licenses.supportsInterface(type(IAccessControl).interfaceId));
    }

    function test_supportsInterface_falseForOthers() public view {
        assertFalse(licenses.supportsInterface(0xd9b67a26)); // ERC-1155
        assertFalse(licenses.supportsInterface(0xffffffff));
    }

    // ──────────────────────────────────────────── offers ────────────────────────────────────────────

    function test_createOffer_storesTermsAndEmits() public {
        ILicenseManager.Terms memory t = _terms(address(0), 1 ether, MONTH);
        t.maxLicenses = 7;
        t.transferable = true;
        vm.expectEmit(true, true, false, true, address(licenses));
        emit ILicenseManager.OfferCreated(1, model, 1 ether, address(0), MONTH, 7, 0, 3, true, keccak256("terms v1"));
        uint256 offerId = _offer(t);
        ILicenseManager.Offer memory stored = licenses.offerOf(offerId);
        assertEq(stored.assetId, model);
        assertEq(stored.price, 1 ether);
        assertEq(stored.currency, address(0));
        assertEq(stored.period, MONTH);
        assertEq(stored.maxLicenses, 7);
        assertEq(stored.sold, 0);
        assertEq(stored.pinnedVersion, 0);
        assertEq(stored.rights, 3);
        assertTrue(stored.transferable);
        assertFalse(stored.retired);
        assertEq(stored.termsHash, keccak256("terms v1"));
    }

    function test_createOffer_assignsSequentialIds() public {
        assertEq(_ethOffer(), 1);
        assertEq(_usdOffer(), 2);
        assertEq(licenses.offerCount(), 2);
    }

    function test_createOffer_acceptsAllFourRights() public {
        ILicenseManager.Terms memory t = _terms(address(0), 1, MONTH);
        t.rights = 15;
        assertEq(licenses.offerOf(_offer(t)).rights, 15);
    }

    function test_createOffer_acceptsAnExistingPinnedVersion() public {
        ILicenseManager.Terms memory t = _terms(address(0), 1, MONTH);
        t.pinnedVersion = 1;
        assertEq(licenses.offerOf(_offer(t)).pinnedVersion, 1);
    }

    function test_createOffer_revertsForNonOwner() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerNotAssetOwner.selector, model, clinic));
        vm.prank(clinic);
        licenses.createOffer(model, _terms(address(0), 1 ether, MONTH));
    }

    function test_createOffer_revertsForUnknownAsset() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 99));
        vm.prank(builder);
        licenses.createOffer(99, _terms(address(0), 1 ether, MONTH));
    }

    function test_createOffer_revertsOnZeroPrice() public {
        vm.expectRevert(ILicenseManager.LicenseManagerZeroPrice.selector);
        _offer(_terms(address(0), 0, MONTH));
    }

    function test_createOffer_revertsOnZeroRights() public {
        ILicenseManager.Terms memory t = _terms(address(0), 1, MONTH);
        t.rights = 0;
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerRightsOutOfRange.selector, 0));
        _offer(t);
    }

    function test_createOffer_revertsOnRightsAboveTheFourDefined() public {
        ILicenseManager.Terms memory t = _terms(address(0), 1, MONTH);
        t.rights = 16;
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerRightsOutOfRange.selector, 16));
        _offer(t);
    }

    function test_createOffer_revertsOnCurrencyNeverAllowed() public {
        vm.expectRevert(
            abi.encodeWithSelector(ILicenseManager.LicenseManagerCurrencyNotAllowed.selector, address(0xBEEF))
        );
        _offer(_terms(address(0xBEEF), 1, MONTH));
    }

    function test_createOffer_revertsOnDisallowedCurrency() public {
        vm.prank(admin);
        licenses.setCurrencyAllowed(address(usd), false);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerCurrencyNotAllowed.selector, address(usd)));
        _usdOffer();
    }

    function test_createOffer_revertsOnUnknownPinnedVersion() public {
        ILicenseManager.Terms memory t = _terms(address(0), 1, MONTH);
        t.pinnedVersion = 2;
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerUnknownVersion.selector, model, 2));
        _offer(t);
    }

    function test_createOffer_revertsPastTheLastOfferId() public {
        stdstore.target(address(licenses)).sig(licenses.offerCount.selector).checked_write(type(uint32).max - 1);
        _ethOffer();
        assertEq(licenses.offerCount(), type(uint32).max);
        vm.expectRevert(ILicenseManager.LicenseManagerTooManyOffers.selector);
        _ethOffer();
    }

    function test_retireOffer_stopsSales() public {
        uint256 offerId = _ethOffer();
        vm.prank(builder);
        licenses.retireOffer(offerId);
        assertTrue(licenses.offerOf(offerId).retired);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerOfferRetired.selector, offerId));
        _buyEth(offerId, 1, 1, 1 ether);
    }

    function test_retireOffer_emitsOfferRetired() public {
        uint256 offerId = _ethOffer();
        vm.expectEmit(address(licenses));
        emit ILicenseManager.OfferRetired(offerId, model);
        vm.prank(builder);
        licenses.retireOffer(offerId);
    }

    function test_retireOffer_keepsLicensesValidAndRenewable() public {
        uint256 offerId = _ethOffer();
        uint256 id = _buyEth(offerId, 1, 1, 1 ether);
        vm.prank(builder);
        licenses.retireOffer(offerId);
        assertTrue(licenses.isValid(id, clinic));
        vm.prank(clinic);
        licenses.renew{value: 1 ether}(id, 1);
        assertEq(licenses.licenseOf(id).expiresAt, block.timestamp + 2 * MONTH);
    }

    function test_retireOffer_revertsForNonOwner() public {
        uint256 offerId = _ethOffer();
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerNotAssetOwner.selector, model, clinic));
        vm.prank(clinic);
        licenses.retireOffer(offerId);
    }

    function test_retireOffer_revertsForUnknownOffer() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerUnknownOffer.selector, 5));
        vm.prank(builder);
        licenses.retireOffer(5);
    }

    function test_offerOf_revertsForUnknownOffer() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerUnknownOffer.selector, 1));
        licenses.offerOf(1);
    }

    // ─────────────────────────────────────────── purchase ───────────────────────────────────────────

    function test_purchase_inEthSplitsPayment() public {
        curators.setStaked(model, true);
        _buyEth(_ethOffer(), 2, 3, 6 ether);

        uint256 total = 6 ether;
        assertEq(licenses.accruedProtocolFees(address(0)), (total * FEE_BPS) / 10_000);
        assertEq(curators.received(address(0)), (total * CURATOR_BPS) / 10_000);
        assertEq(shares.claimable(builder, dataset, address(0)), (total * UPSTREAM_BPS) / 10_000);
        assertEq(shares.claimable(builder, model, address(0)), total * 8_000 / 10_000);
        // The vault keeps the fee and the shareholders' revenue until they are withdrawn and claimed.
        assertEq(address(licenses).balance, total - curators.received(address(0)));
    }

    function test_purchase_mintsLicenseWithSeatsExpiryAndPrice() public {
        uint256 id = _buyEth(_ethOffer(), 2, 3, 6 ether);
        ILicenseManager.License memory license = licenses.licenseOf(id);
        assertEq(licenses.ownerOf(id), clinic);
        assertEq(license.offerId, 1);
        assertEq(license.expiresAt, block.timestamp + 3 * MONTH);
        assertEq(license.seats, 2);
        assertEq(license.delegates, 0);
        assertEq(license.price, 1 ether);
        assertTrue(licenses.isValid(id, clinic));
    }

    function test_purchase_countsSalesAndLicenses() public {
        uint256 offerId = _ethOffer();
        assertEq(_buyEth(offerId, 1, 1, 1 ether), 1);
        assertEq(_buyEth(offerId, 1, 1, 1 ether), 2);
        assertEq(licenses.offerOf(offerId).sold, 2);
        assertEq(licenses.licenseCount(), 2);
    }

    function test_purchase_emitsLicensePurchasedUpstreamPaidAndPaymentSplit() public {
        curators.setStaked(model, true);
        uint256 offerId = _ethOffer();
        uint64 expiresAt = uint64(block.timestamp + MONTH);
        vm.expectEmit(address(licenses));
        emit ILicenseManager.LicensePurchased(1, offerId, model, nurse, clinic, 1, expiresAt, 1);
        vm.expectEmit(address(licenses));
        emit ILicenseManager.UpstreamPaid(1, dataset, address(0), 0.1 ether);
        vm.expectEmit(address(licenses));
        emit ILicenseManager.PaymentSplit(1, model, address(0), 1 ether, 0.05 ether, 0.1 ether, 0.05 ether, 0.8 ether);
        vm.prank(clinic);
        licenses.purchase{value: 1 ether}(offerId, 1, 1, nurse, 1 ether);
    }

    function test_purchase_refundsEthSurplusToPayer() public {
        _buyEth(_ethOffer(), 1, 1, 10 ether);
        assertEq(clinic.balance, 99 ether);
        assertEq(address(licenses).balance, 1 ether);
    }

    /// The payer, not the recipient, gets the surplus back.
    function test_purchase_forAnotherRecipientRefundsThePayer() public {
        uint256 offerId = _ethOffer();
        vm.prank(clinic);
        uint256 id = licenses.purchase{value: 3 ether}(offerId, 1, 1, nurse, 1 ether);
        assertEq(clinic.balance, 99 ether);
        assertEq(nurse.balance, 100 ether);
        assertEq(licenses.ownerOf(id), nurse);
        assertTrue(licenses.isValid(id, nurse));
        assertFalse(licenses.isValid(id, clinic));
    }

    function test_purchase_withoutStakersGivesCuratorShareToShareholders() public {
        _buyEth(_offer(_terms(address(0), 1 ether, 0)), 1, 1, 1 ether);
        assertEq(curators.received(address(0)), 0);
        assertEq(shares.claimable(builder, model, address(0)), 0.85 ether);
    }

    /// 19 units at 5% round to no curator share: the sale goes through without notifying the pool.
    function test_purchase_withCuratorShareRoundingToZeroSkipsThePool() public {
        curators.setStaked(model, true);
        _buyUsd(_offer(_terms(address(usd), 19, MONTH)));
        assertEq(curators.received(address(usd)), 0);
        assertEq(usd.balanceOf(address(licenses)), 19);
    }

    function test_purchase_perpetualLicenseHasNoExpiry() public {
        uint256 id = _buyEth(_offer(_terms(address(0), 1 ether, 0)), 1, 1, 1 ether);
        assertEq(licenses.licenseOf(id).expiresAt, 0);
        vm.warp(block.timestamp + 100 * 365 days);
        assertTrue(licenses.isValid(id, clinic));
    }

    function test_purchase_inErc20PullsExactTotal() public {
        curators.setStaked(model, true);
        _buyUsd(_usdOffer());
        assertEq(usd.balanceOf(clinic), 1_000_000e6 - 500e6);
        assertEq(curators.received(address(usd)), 25e6);
        assertEq(usd.balanceOf(address(licenses)), 475e6);
        assertEq(shares.claimable(builder, model, address(usd)), 400e6);
    }

    function test_purchase_inErc20RevertsWithEth() public {
        uint256 offerId = _usdOffer();
        vm.startPrank(clinic);
        usd.approve(address(licenses), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerWrongValue.selector, 1, 0));
        licenses.purchase{value: 1}(offerId, 1, 1, clinic, type(uint256).max);
        vm.stopPrank();
    }

    function test_purchase_inErc20RevertsWithoutAllowance() public {
        uint256 offerId = _usdOffer();
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(licenses), 0, 500e6)
        );
        vm.prank(clinic);
        licenses.purchase(offerId, 1, 1, clinic, type(uint256).max);
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

    function test_purchase_revertsInDisallowedCurrency() public {
        uint256 offerId = _usdOffer();
        vm.prank(admin);
        licenses.setCurrencyAllowed(address(usd), false);
        vm.startPrank(clinic);
        usd.approve(address(licenses), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerCurrencyNotAllowed.selector, address(usd)));
        licenses.purchase(offerId, 1, 1, clinic, type(uint256).max);
        vm.stopPrank();
    }

    function test_purchase_revertsForUnknownOffer() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerUnknownOffer.selector, 99));
        _buyEth(99, 1, 1, 1 ether);
    }

    function test_purchase_revertsOnZeroSeats() public {
        uint256 offerId = _ethOffer();
        _expectInvalidQuantity(0, 1);
        _buyEth(offerId, 0, 1, 1 ether);
    }

    function test_purchase_revertsOnSeatsAboveMaximum() public {
        uint256 offerId = _ethOffer();
        _expectInvalidQuantity(1 << 24, 1);
        _buyEth(offerId, 1 << 24, 1, 1 ether);
    }

    function test_purchase_revertsOnZeroPeriods() public {
        uint256 offerId = _ethOffer();
        _expectInvalidQuantity(1, 0);
        _buyEth(offerId, 1, 0, 1 ether);
    }

    function test_purchase_revertsOnSeveralPeriodsOfPerpetualOffer() public {
        uint256 offerId = _offer(_terms(address(0), 1 ether, 0));
        _expectInvalidQuantity(1, 2);
        _buyEth(offerId, 1, 2, 2 ether);
    }

    function test_purchase_revertsOnZeroRecipient() public {
        uint256 offerId = _ethOffer();
        vm.expectRevert(ILicenseManager.LicenseManagerZeroRecipient.selector);
        vm.prank(clinic);
        licenses.purchase{value: 1 ether}(offerId, 1, 1, address(0), 1 ether);
    }

    function test_purchase_revertsAboveMaxTotal() public {
        uint256 offerId = _ethOffer();
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerAboveMaxTotal.selector, 2 ether, 1 ether));
        vm.prank(clinic);
        licenses.purchase{value: 2 ether}(offerId, 2, 1, clinic, 1 ether);
    }

    function test_purchase_revertsOnTooLittleEth() public {
        uint256 offerId = _ethOffer();
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerWrongValue.selector, 0.5 ether, 1 ether));
        _buyEth(offerId, 1, 1, 0.5 ether);
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
        uint256 offerId = _ethOffer();
        vm.prank(admin);
        licenses.pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        _buyEth(offerId, 1, 1, 1 ether);
    }

    function test_purchase_packsTheLargestSeatCountAndLatestExpiry() public {
        uint256 offerId = _offer(_terms(address(0), 1, type(uint32).max));
        uint32 seats = (1 << 24) - 1;
        // 256 periods of 2^32 - 1 seconds reach the 2^40 expiry cap.
        uint32 periods = uint32((MAX_EXPIRY - block.timestamp) / type(uint32).max);
        vm.deal(clinic, uint256(seats) * periods);
        uint256 id = _buyEth(offerId, seats, periods, uint256(seats) * periods);
        ILicenseManager.License memory license = licenses.licenseOf(id);
        assertEq(license.seats, seats);
        assertEq(license.offerId, offerId);
        assertEq(license.expiresAt, block.timestamp + uint256(type(uint32).max) * periods);
        assertEq(license.price, 1);
    }

    function test_purchase_revertsWhenExpiryOverflows() public {
        uint256 offerId = _offer(_terms(address(0), 1, type(uint32).max));
        uint32 periods = uint32((MAX_EXPIRY - block.timestamp) / type(uint32).max) + 1;
        uint256 expiresAt = block.timestamp + uint256(type(uint32).max) * periods;
        vm.expectRevert(
            abi.encodeWithSelector(ILicenseManager.LicenseManagerExpiryOverflow.selector, expiresAt, MAX_EXPIRY)
        );
        _buyEth(offerId, 1, periods, periods);
    }

    // ────────────────────────────────────── purchaseWithPermit ──────────────────────────────────────

    function test_purchaseWithPermit_buysWithoutPriorApproval() public {
        uint256 offerId = _usdOffer();
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(500e6, deadline);
        vm.prank(clinic);
        uint256 id = licenses.purchaseWithPermit(offerId, 1, 1, clinic, 500e6, deadline, v, r, s);
        assertEq(usd.balanceOf(clinic), 1_000_000e6 - 500e6);
        assertEq(licenses.accruedProtocolFees(address(usd)), 25e6);
        assertEq(shares.claimable(builder, model, address(usd)), 425e6);
        assertTrue(licenses.isValid(id, clinic));
    }

    function test_purchaseWithPermit_succeedsWhenPermitWasFrontRun() public {
        uint256 offerId = _usdOffer();
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(500e6, deadline);
        usd.permit(clinic, address(licenses), 500e6, deadline, v, r, s);
        vm.prank(clinic);
        uint256 id = licenses.purchaseWithPermit(offerId, 1, 1, clinic, 500e6, deadline, v, r, s);
        assertEq(licenses.ownerOf(id), clinic);
    }

    function test_purchaseWithPermit_revertsWithBadPermitAndNoAllowance() public {
        uint256 offerId = _usdOffer();
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(1, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(licenses), 0, 500e6)
        );
        vm.prank(clinic);
        licenses.purchaseWithPermit(offerId, 1, 1, clinic, 500e6, deadline, v, r, s);
    }

    function test_purchaseWithPermit_revertsForUnknownOffer() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerUnknownOffer.selector, 9));
        vm.prank(clinic);
        licenses.purchaseWithPermit(9, 1, 1, clinic, 500e6, block.timestamp, 0, bytes32(0), bytes32(0));
    }

    function test_purchaseWithPermit_revertsWhenPaused() public {
        uint256 offerId = _usdOffer();
        vm.prank(admin);
        licenses.pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(clinic);
        licenses.purchaseWithPermit(offerId, 1, 1, clinic, 500e6, block.timestamp, 0, bytes32(0), bytes32(0));
    }

    // ──────────────────────────────────────────── renew ─────────────────────────────────────────────

    function test_renew_extendsFromExpiryAtRecordedPrice() public {
        uint256 id = _buyEth(_ethOffer(), 1, 1, 1 ether);
        uint256 firstExpiry = licenses.licenseOf(id).expiresAt;
        vm.prank(clinic);
        licenses.renew{value: 2 ether}(id, 2);
        assertEq(licenses.licenseOf(id).expiresAt, firstExpiry + 2 * MONTH);
    }

    function test_renew_extendsFromNowWhenExpired() public {
        uint256 id = _buyEth(_ethOffer(), 1, 1, 1 ether);
        vm.warp(block.timestamp + 5 * MONTH);
        vm.prank(clinic);
        licenses.renew{value: 1 ether}(id, 1);
        assertEq(licenses.licenseOf(id).expiresAt, block.timestamp + MONTH);
        assertTrue(licenses.isValid(id, clinic));
    }

    function test_renew_chargesEverySeat() public {
        uint256 id = _buyEth(_ethOffer(), 3, 1, 3 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerWrongValue.selector, 1 ether, 3 ether));
        vm.prank(clinic);
        licenses.renew{value: 1 ether}(id, 1);
    }

    function test_renew_emitsLicenseRenewedAndPaymentSplit() public {
        uint256 id = _buyEth(_ethOffer(), 1, 1, 1 ether);
        uint64 newExpiry = uint64(block.timestamp + 2 * MONTH);
        vm.expectEmit(address(licenses));
        emit ILicenseManager.LicenseRenewed(id, nurse, newExpiry, 1 ether);
        vm.expectEmit(address(licenses));
        emit ILicenseManager.PaymentSplit(id, model, address(0), 1 ether, 0.05 ether, 0.1 ether, 0, 0.85 ether);
        vm.prank(nurse);
        licenses.renew{value: 1 ether}(id, 1);
    }

    /// Anyone may pay a renewal; the payer gets its surplus back.
    function test_renew_byAnotherPayerRefundsThatPayer() public {
        uint256 id = _buyEth(_ethOffer(), 1, 1, 1 ether);
        vm.prank(nurse);
        licenses.renew{value: 5 ether}(id, 1);
        assertEq(nurse.balance, 99 ether);
        assertEq(clinic.balance, 99 ether);
        assertEq(licenses.ownerOf(id), clinic);
    }

    function test_renew_inErc20() public {
        uint256 id = _buyUsd(_usdOffer());
        vm.prank(clinic);
        licenses.renew(id, 2);
        assertEq(usd.balanceOf(clinic), 1_000_000e6 - 1_500e6);
    }

    function test_renewWithPermit_renewsWithoutPriorApproval() public {
        uint256 offerId = _usdOffer();
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(500e6, deadline);
        vm.prank(clinic);
        uint256 id = licenses.purchaseWithPermit(offerId, 1, 1, clinic, 500e6, deadline, v, r, s);
        uint256 expiry = licenses.licenseOf(id).expiresAt;
        (v, r, s) = _permit(1_000e6, deadline);
        vm.prank(clinic);
        licenses.renewWithPermit(id, 2, deadline, v, r, s);
        assertEq(usd.balanceOf(clinic), 1_000_000e6 - 1_500e6);
        assertEq(usd.allowance(clinic, address(licenses)), 0);
        assertEq(licenses.licenseOf(id).expiresAt, expiry + 2 * MONTH);
    }

    function test_renewWithPermit_succeedsWhenPermitWasFrontRun() public {
        uint256 id = _buyUsd(_usdOffer());
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(500e6, deadline);
        usd.permit(clinic, address(licenses), 500e6, deadline, v, r, s);
        vm.prank(clinic);
        licenses.renewWithPermit(id, 1, deadline, v, r, s);
        assertEq(usd.balanceOf(clinic), 1_000_000e6 - 1_000e6);
    }

    function test_renewWithPermit_revertsWithBadPermitAndNoAllowance() public {
        uint256 offerId = _usdOffer();
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(500e6, deadline);
        vm.prank(clinic);
        uint256 id = licenses.purchaseWithPermit(offerId, 1, 1, clinic, 500e6, deadline, v, r, s);
        uint256 expiry = licenses.licenseOf(id).expiresAt;
        (v, r, s) = _permit(1, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(licenses), 0, 500e6)
        );
        vm.prank(clinic);
        licenses.renewWithPermit(id, 1, deadline, v, r, s);
        assertEq(licenses.licenseOf(id).expiresAt, expiry);
    }

    function test_renewWithPermit_revertsForEthOffer() public {
        uint256 id = _buyEth(_offer(_terms(address(0), 1 ether, MONTH)), 1, 1, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerWrongValue.selector, 0, 2 ether));
        vm.prank(clinic);
        licenses.renewWithPermit(id, 2, block.timestamp, 0, bytes32(0), bytes32(0));
    }

    function test_renewWithPermit_revertsForUnknownLicense() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerUnknownLicense.selector, 77));
        vm.prank(clinic);
        licenses.renewWithPermit(77, 1, block.timestamp, 0, bytes32(0), bytes32(0));
    }

    function test_renewWithPermit_revertsWhenPaused() public {
        uint256 id = _buyUsd(_usdOffer());
        vm.prank(admin);
        licenses.pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(clinic);
        licenses.renewWithPermit(id, 1, block.timestamp, 0, bytes32(0), bytes32(0));
    }

    function test_renew_revertsForPerpetualLicense() public {
        uint256 id = _buyEth(_offer(_terms(address(0), 1 ether, 0)), 1, 1, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerPerpetual.selector, id));
        licenses.renew(id, 1);
    }

    function test_renew_revertsOnZeroPeriods() public {
        uint256 id = _buyEth(_ethOffer(), 2, 1, 2 ether);
        _expectInvalidQuantity(2, 0);
        licenses.renew(id, 0);
    }

    function test_renew_revertsForUnknownLicense() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerUnknownLicense.selector, 3));
        licenses.renew(3, 1);
    }

    function test_renew_revertsWhenExpiryOverflows() public {
        uint256 offerId = _offer(_terms(address(0), 1, type(uint32).max));
        uint32 periods = uint32((MAX_EXPIRY - block.timestamp) / type(uint32).max);
        uint256 id = _buyEth(offerId, 1, periods, periods);
        uint256 newExpiry = uint256(licenses.licenseOf(id).expiresAt) + type(uint32).max;
        vm.expectRevert(
            abi.encodeWithSelector(ILicenseManager.LicenseManagerExpiryOverflow.selector, newExpiry, MAX_EXPIRY)
        );
        vm.prank(clinic);
        licenses.renew{value: 1}(id, 1);
    }

    function test_renew_revertsWhenPaused() public {
        uint256 id = _buyEth(_ethOffer(), 1, 1, 1 ether);
        vm.prank(admin);
        licenses.pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(clinic);
        licenses.renew{value: 1 ether}(id, 1);
    }

    // ─────────────────────────────────────────── validity ───────────────────────────────────────────

    function test_isValid_trueOneSecondBeforeExpiry() public {
        uint256 id = _buyEth(_ethOffer(), 1, 1, 1 ether);
        vm.warp(licenses.licenseOf(id).expiresAt - 1);
        assertTrue(licenses.isValid(id, clinic));
    }

    function test_isValid_falseAtTheExpirySecond() public {
        uint256 id = _buyEth(_ethOffer(), 1, 1, 1 ether);
        vm.warp(licenses.licenseOf(id).expiresAt);
        assertFalse(licenses.isValid(id, clinic));
    }

    function test_isValid_falseForUnknownLicense() public view {
        assertFalse(licenses.isValid(1, clinic));
    }

    function test_isValid_falseForAnAccountWithoutSeat() public {
        uint256 id = _buyEth(_ethOffer(), 2, 1, 2 ether);
        assertFalse(licenses.isValid(id, nurse));
    }

    function test_licenseOf_revertsForUnknownLicense() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerUnknownLicense.selector, 1));
        licenses.licenseOf(1);
    }

    // ──────────────────────────────────────────── seats ─────────────────────────────────────────────

    function test_delegateSeat_grantsAccess() public {
        uint256 id = _buyEth(_ethOffer(), 2, 1, 2 ether);
        vm.prank(clinic);
        licenses.delegateSeat(id, nurse);
        assertTrue(licenses.isValid(id, nurse));
        assertEq(licenses.licenseOf(id).delegates, 1);
    }

    function test_delegateSeat_emitsSeatDelegated() public {
        uint256 id = _buyEth(_ethOffer(), 3, 1, 3 ether);
        vm.startPrank(clinic);
        licenses.delegateSeat(id, nurse);
        vm.expectEmit(address(licenses));
        emit ILicenseManager.SeatDelegated(id, doctor, 2);
        licenses.delegateSeat(id, doctor);
        vm.stopPrank();
    }

    function test_delegateSeat_delegateLosesAccessAtExpiry() public {
        uint256 id = _buyEth(_ethOffer(), 2, 1, 2 ether);
        vm.prank(clinic);
        licenses.delegateSeat(id, nurse);
        vm.warp(licenses.licenseOf(id).expiresAt);
        assertFalse(licenses.isValid(id, nurse));
    }

    function test_delegateSeat_worksWhilePaused() public {
        uint256 id = _buyEth(_ethOffer(), 2, 1, 2 ether);
        vm.prank(admin);
        licenses.pause();
        vm.prank(clinic);
        licenses.delegateSeat(id, nurse);
        assertTrue(licenses.isValid(id, nurse));
    }

    /// The holder occupies one seat itself, so a one-seat license has none to give.
    function test_delegateSeat_revertsWhenNoFreeSeat() public {
        uint256 id = _buyEth(_ethOffer(), 2, 1, 2 ether);
        vm.startPrank(clinic);
        licenses.delegateSeat(id, nurse);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerNoFreeSeat.selector, id, 2));
        licenses.delegateSeat(id, doctor);
        vm.stopPrank();
    }

    function test_delegateSeat_revertsWhenAlreadyDelegated() public {
        uint256 id = _buyEth(_ethOffer(), 3, 1, 3 ether);
        vm.startPrank(clinic);
        licenses.delegateSeat(id, nurse);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerAlreadyDelegated.selector, id, nurse));
        licenses.delegateSeat(id, nurse);
        vm.stopPrank();
    }

    function test_delegateSeat_revertsForNonHolder() public {
        uint256 id = _buyEth(_ethOffer(), 2, 1, 2 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerNotHolder.selector, id, nurse));
        vm.prank(nurse);
        licenses.delegateSeat(id, nurse);
    }

    function test_delegateSeat_revertsForUnknownLicense() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerUnknownLicense.selector, 4));
        vm.prank(clinic);
        licenses.delegateSeat(4, nurse);
    }

    function test_revokeSeat_removesAccessAndFreesTheSeat() public {
        uint256 id = _buyEth(_ethOffer(), 2, 1, 2 ether);
        vm.startPrank(clinic);
        licenses.delegateSeat(id, nurse);
        licenses.revokeSeat(id, nurse);
        assertFalse(licenses.isValid(id, nurse));
        licenses.delegateSeat(id, doctor);
        vm.stopPrank();
        assertTrue(licenses.isValid(id, doctor));
    }

    function test_revokeSeat_emitsSeatRevoked() public {
        uint256 id = _buyEth(_ethOffer(), 2, 1, 2 ether);
        vm.startPrank(clinic);
        licenses.delegateSeat(id, nurse);
        vm.expectEmit(address(licenses));
        emit ILicenseManager.SeatRevoked(id, nurse, 0);
        licenses.revokeSeat(id, nurse);
        vm.stopPrank();
    }

    function test_revokeSeat_revertsWhenNotDelegated() public {
        uint256 id = _buyEth(_ethOffer(), 2, 1, 2 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerNotDelegated.selector, id, nurse));
        vm.prank(clinic);
        licenses.revokeSeat(id, nurse);
    }

    function test_revokeSeat_revertsForNonHolder() public {
        uint256 id = _buyEth(_ethOffer(), 2, 1, 2 ether);
        vm.prank(clinic);
        licenses.delegateSeat(id, nurse);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerNotHolder.selector, id, nurse));
        vm.prank(nurse);
        licenses.revokeSeat(id, nurse);
    }

    // ────────────────────────────────────────── transfers ───────────────────────────────────────────

    function test_transferFrom_revertsForSoulboundLicense() public {
        uint256 id = _buyEth(_ethOffer(), 1, 1, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerSoulbound.selector, id));
        vm.prank(clinic);
        licenses.transferFrom(clinic, nurse, id);
    }

    function test_transferFrom_ofTransferableLicenseDropsOldDelegates() public {
        uint256 id = _buyEth(_transferableOffer(), 2, 1, 2 ether);
        address other = makeAddr("other clinic");
        vm.startPrank(clinic);
        licenses.delegateSeat(id, nurse);
        licenses.transferFrom(clinic, other, id);
        vm.stopPrank();
        assertFalse(licenses.isValid(id, nurse));
        assertTrue(licenses.isValid(id, other));
        assertFalse(licenses.isValid(id, clinic));
        assertEq(licenses.licenseOf(id).delegates, 0);
        assertEq(licenses.licenseOf(id).epoch, 1);
    }

    function test_transferFrom_newHolderCanDelegateAnew() public {
        uint256 id = _buyEth(_transferableOffer(), 2, 1, 2 ether);
        address other = makeAddr("other clinic");
        vm.startPrank(clinic);
        licenses.delegateSeat(id, nurse);
        licenses.transferFrom(clinic, other, id);
        vm.stopPrank();
        vm.prank(other);
        licenses.delegateSeat(id, nurse);
        assertTrue(licenses.isValid(id, nurse));
    }

    function test_approve_letsTheApprovedAccountTransfer() public {
        uint256 id = _buyEth(_transferableOffer(), 1, 1, 1 ether);
        vm.prank(clinic);
        licenses.approve(nurse, id);
        vm.prank(nurse);
        licenses.transferFrom(clinic, nurse, id);
        assertEq(licenses.ownerOf(id), nurse);
    }

    function test_approve_revertsWithEth() public {
        uint256 id = _buyEth(_transferableOffer(), 1, 1, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerWrongValue.selector, 1, 0));
        vm.prank(clinic);
        licenses.approve{value: 1}(nurse, id);
    }

    function test_transferFrom_revertsWithEth() public {
        uint256 id = _buyEth(_transferableOffer(), 1, 1, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerWrongValue.selector, 1, 0));
        vm.prank(clinic);
        licenses.transferFrom{value: 1}(clinic, nurse, id);
    }

    function test_safeTransferFrom_revertsWithEth() public {
        uint256 id = _buyEth(_transferableOffer(), 1, 1, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerWrongValue.selector, 1, 0));
        vm.prank(clinic);
        licenses.safeTransferFrom{value: 1}(clinic, nurse, id);
    }

    function test_safeTransferFromWithData_revertsWithEth() public {
        uint256 id = _buyEth(_transferableOffer(), 1, 1, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerWrongValue.selector, 1, 0));
        vm.prank(clinic);
        licenses.safeTransferFrom{value: 1}(clinic, nurse, id, "");
    }

    function test_safeTransferFrom_movesTransferableLicenseWithoutEth() public {
        uint256 id = _buyEth(_transferableOffer(), 1, 1, 1 ether);
        vm.prank(clinic);
        licenses.safeTransferFrom(clinic, nurse, id);
        assertEq(licenses.ownerOf(id), nurse);
    }

    // ──────────────────────────────────────────── vault ─────────────────────────────────────────────

    function test_release_revertsForAnyoneButTheShares() public {
        _buyEth(_ethOffer(), 1, 1, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerNotShares.selector, clinic));
        vm.prank(clinic);
        licenses.release(address(0), clinic, 1);
    }

    function test_release_paysClaimsThroughTheShares() public {
        _buyEth(_ethOffer(), 1, 1, 1 ether);
        uint256[] memory assets = new uint256[](2);
        (assets[0], assets[1]) = (model, dataset);
        address[] memory eth = new address[](1);
        vm.prank(builder);
        uint256[] memory paid = shares.claim(assets, eth, builder);
        assertEq(paid[0], 0.85 ether + 0.1 ether);
        assertEq(builder.balance, 0.95 ether);
        assertEq(address(licenses).balance, licenses.accruedProtocolFees(address(0)));
    }

    // ──────────────────────────────────────── protocol fees ─────────────────────────────────────────

    function test_withdrawProtocolFees_paysTreasuryInEth() public {
        _buyEth(_ethOffer(), 1, 1, 1 ether);
        licenses.withdrawProtocolFees(address(0));
        assertEq(treasury.balance, 0.05 ether);
        assertEq(licenses.accruedProtocolFees(address(0)), 0);
    }

    function test_withdrawProtocolFees_paysTreasuryInErc20() public {
        _buyUsd(_usdOffer());
        licenses.withdrawProtocolFees(address(usd));
        assertEq(usd.balanceOf(treasury), 25e6);
        assertEq(licenses.accruedProtocolFees(address(usd)), 0);
    }

    function test_withdrawProtocolFees_emitsProtocolFeesWithdrawn() public {
        _buyEth(_ethOffer(), 1, 1, 1 ether);
        vm.expectEmit(address(licenses));
        emit ILicenseManager.ProtocolFeesWithdrawn(address(0), treasury, 0.05 ether);
        licenses.withdrawProtocolFees(address(0));
    }

    function test_withdrawProtocolFees_paysNothingTwice() public {
        _buyEth(_ethOffer(), 1, 1, 1 ether);
        licenses.withdrawProtocolFees(address(0));
        licenses.withdrawProtocolFees(address(0));
        assertEq(treasury.balance, 0.05 ether);
    }

    function test_withdrawProtocolFees_paysTheCurrentTreasury() public {
        _buyEth(_ethOffer(), 1, 1, 1 ether);
        address newTreasury = makeAddr("new treasury");
        vm.prank(admin);
        licenses.setTreasury(newTreasury);
        licenses.withdrawProtocolFees(address(0));
        assertEq(newTreasury.balance, 0.05 ether);
        assertEq(treasury.balance, 0);
    }

    // ──────────────────────────────────────────── admin ─────────────────────────────────────────────

    function test_setFees_updatesAndEmits() public {
        vm.expectEmit(address(licenses));
        emit ILicenseManager.FeesSet(1_000, 2_000);
        vm.prank(admin);
        licenses.setFees(1_000, 2_000);
        assertEq(licenses.protocolFeeBps(), 1_000);
        assertEq(licenses.curatorBps(), 2_000);
    }

    function test_setFees_appliesToTheNextSale() public {
        vm.prank(admin);
        licenses.setFees(0, 0);
        curators.setStaked(model, true);
        _buyEth(_ethOffer(), 1, 1, 1 ether);
        assertEq(licenses.accruedProtocolFees(address(0)), 0);
        assertEq(curators.received(address(0)), 0);
        assertEq(shares.claimable(builder, model, address(0)), 0.9 ether);
    }

    function test_setFees_revertsOnProtocolFeeAboveCap() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerFeeAboveCap.selector, 1_001, 1_000));
        vm.prank(admin);
        licenses.setFees(1_001, 0);
    }

    function test_setFees_revertsOnCuratorShareAboveCap() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerFeeAboveCap.selector, 2_001, 2_000));
        vm.prank(admin);
        licenses.setFees(0, 2_001);
    }

    function test_setFees_revertsWithoutRole() public {
        _expectMissingRole(clinic, licenses.FEE_MANAGER_ROLE());
        vm.prank(clinic);
        licenses.setFees(0, 0);
    }

    function test_setTreasury_updatesAndEmits() public {
        address newTreasury = makeAddr("new treasury");
        vm.expectEmit(address(licenses));
        emit ILicenseManager.TreasurySet(newTreasury);
        vm.prank(admin);
        licenses.setTreasury(newTreasury);
        assertEq(licenses.treasury(), newTreasury);
    }

    function test_setTreasury_revertsOnZero() public {
        vm.expectRevert(ILicenseManager.LicenseManagerZeroTreasury.selector);
        vm.prank(admin);
        licenses.setTreasury(address(0));
    }

    function test_setTreasury_revertsWithoutRole() public {
        _expectMissingRole(clinic, licenses.FEE_MANAGER_ROLE());
        vm.prank(clinic);
        licenses.setTreasury(clinic);
    }

    function test_setCurrencyAllowed_allowsTracksApprovesAndEmits() public {
        MockERC20Permit eur = new MockERC20Permit();
        vm.expectEmit(address(licenses));
        emit ILicenseManager.CurrencyAllowed(address(eur), true);
        vm.prank(admin);
        licenses.setCurrencyAllowed(address(eur), true);
        assertTrue(licenses.allowedCurrency(address(eur)));
        assertEq(eur.allowance(address(licenses), address(curators)), type(uint256).max);
        address[] memory tracked = shares.currencies();
        assertEq(tracked[tracked.length - 1], address(eur));
    }

    function test_setCurrencyAllowed_disallowingRevokesThePoolsAllowanceAndEmits() public {
        vm.expectEmit(address(licenses));
        emit ILicenseManager.CurrencyAllowed(address(usd), false);
        vm.prank(admin);
        licenses.setCurrencyAllowed(address(usd), false);
        assertFalse(licenses.allowedCurrency(address(usd)));
        assertEq(usd.allowance(address(licenses), address(curators)), 0);
    }

    function test_setCurrencyAllowed_disallowingStopsRenewals() public {
        uint256 id = _buyUsd(_usdOffer());
        vm.prank(admin);
        licenses.setCurrencyAllowed(address(usd), false);
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerCurrencyNotAllowed.selector, address(usd)));
        vm.prank(clinic);
        licenses.renew(id, 1);
    }

    function test_setCurrencyAllowed_revertsForEth() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerCurrencyNotAllowed.selector, address(0)));
        vm.prank(admin);
        licenses.setCurrencyAllowed(address(0), false);
    }

    function test_setCurrencyAllowed_revertsWithoutRole() public {
        _expectMissingRole(clinic, licenses.FEE_MANAGER_ROLE());
        vm.prank(clinic);
        licenses.setCurrencyAllowed(address(usd), false);
    }

    function test_pause_revertsWithoutRole() public {
        _expectMissingRole(clinic, licenses.PAUSER_ROLE());
        vm.prank(clinic);
        licenses.pause();
    }

    function test_unpause_resumesPurchases() public {
        uint256 offerId = _ethOffer();
        vm.startPrank(admin);
        licenses.pause();
        licenses.unpause();
        vm.stopPrank();
        assertEq(_buyEth(offerId, 1, 1, 1 ether), 1);
    }

    function test_unpause_revertsWithoutRole() public {
        vm.prank(admin);
        licenses.pause();
        _expectMissingRole(clinic, licenses.PAUSER_ROLE());
        vm.prank(clinic);
        licenses.unpause();
    }

    // ──────────────────────────────────────────── fuzz ──────────────────────────────────────────────

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

    /// Whatever is sent above the total goes back to the payer, to the wei, whoever receives the license.
    function testFuzz_purchase_refundsExactSurplusToPayer(uint96 price, uint256 surplus, bool forNurse) public {
        price = uint96(bound(price, 1, 10 ether));
        surplus = bound(surplus, 0, 50 ether);
        uint256 offerId = _offer(_terms(address(0), price, MONTH));
        vm.prank(clinic);
        licenses.purchase{value: uint256(price) + surplus}(offerId, 1, 1, forNurse ? nurse : clinic, price);
        assertEq(clinic.balance, 100 ether - price);
        assertEq(nurse.balance, 100 ether);
        assertEq(address(licenses).balance, price);
    }
}
