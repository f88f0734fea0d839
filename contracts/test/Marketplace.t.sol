// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {LicenseManager} from "../src/LicenseManager.sol";
import {StakingPool} from "../src/StakingPool.sol";
import {TestToken} from "../src/dev/TestToken.sol";
import {IAssetRegistry} from "../src/interfaces/IAssetRegistry.sol";
import {ICuratorRewards} from "../src/interfaces/ICuratorRewards.sol";
import {ILicenseManager} from "../src/interfaces/ILicenseManager.sol";
import {Fixture} from "./utils/Fixture.sol";

/// @dev The LicenseManager wired to the real StakingPool, as the Ignition module wires them: what a
///      mock pool cannot show (the pool refuses a zero reward; it pulls the curator share with the
///      allowance the LicenseManager gave it).
contract MarketplaceTest is Fixture {
    LicenseManager internal licenses;
    StakingPool internal pool;
    TestToken internal stakeToken;
    TestToken internal usd;
    address internal treasury = makeAddr("treasury");
    address internal clinic = makeAddr("clinic");
    address internal curator = makeAddr("curator");
    uint256 internal staked;
    uint256 internal unstaked;

    uint16 internal constant FEE_BPS = 250;
    uint16 internal constant CURATOR_BPS = 500;
    uint32 internal constant MONTH = 30 days;

    function _testIsTheVault() internal pure override returns (bool) {
        return false;
    }

    function setUp() public override {
        super.setUp();
        stakeToken = new TestToken("Tessera Stake", "TSTK", 18);
        usd = new TestToken("Test USD", "tUSD", 6);
        pool = new StakingPool(admin, stakeToken, registry, treasury, 7 days, 2_000, 100e18, 14 days);
        licenses = new LicenseManager(admin, registry, shares, ICuratorRewards(address(pool)), treasury, FEE_BPS, CURATOR_BPS);
        vm.startPrank(admin);
        shares.setVault(licenses);
        pool.grantRole(pool.REWARD_NOTIFIER_ROLE(), address(licenses));
        licenses.setCurrencyAllowed(address(usd), true);
        vm.stopPrank();

        staked = _registerAs(builder);
        unstaked = _registerAs(builder);
        stakeToken.mint(curator, 1_000e18);
        vm.startPrank(curator);
        stakeToken.approve(address(pool), type(uint256).max);
        pool.stake(staked, 1_000e18);
        vm.stopPrank();

        usd.mint(clinic, 1_000_000e6);
        vm.prank(clinic);
        usd.approve(address(licenses), type(uint256).max);
        vm.deal(clinic, 100 ether);
    }

    function _offer(uint256 assetId, address currency, uint96 price) internal returns (uint256) {
        vm.prank(builder);
        return licenses.createOffer(assetId, _terms(currency, price, MONTH));
    }

    function _buy(uint256 offerId) internal returns (uint256) {
        vm.prank(clinic);
        return licenses.purchase(offerId, 1, 1, clinic, type(uint256).max);
    }

    function _disallowUsd() internal {
        vm.prank(admin);
        licenses.setCurrencyAllowed(address(usd), false);
    }

    // ─────────────────────────────── curator share rounding to zero ───────────────────────────────

    /// 19 units at 5% is 0.95 of a unit: no curator share, and the sale goes through.
    function test_purchase_succeedsWhenCuratorShareRoundsToZero() public {
        uint256 licenseId = _buy(_offer(staked, address(usd), 19));
        assertTrue(licenses.isValid(licenseId, clinic));
        assertEq(usd.balanceOf(address(pool)), 0);
        assertEq(shares.claimable(builder, staked, address(usd)), 19);
    }

    function test_renew_succeedsWhenCuratorShareRoundsToZero() public {
        uint256 licenseId = _buy(_offer(staked, address(usd), 19));
        vm.prank(clinic);
        licenses.renew(licenseId, 1);
        assertEq(shares.claimable(builder, staked, address(usd)), 38);
    }

    function test_purchase_paysCuratorShareFromTwentyUnits() public {
        _buy(_offer(staked, address(usd), 20));
        assertEq(usd.balanceOf(address(pool)), 1);
        assertEq(pool.pendingRewards(staked, address(usd), curator), 1);
    }

    // ───────────────────────────────────── disallowed currency ──────────────────────────────────────

    /// Disallowing stops every payment in the currency, whether or not the asset has stakers.
    function test_purchase_revertsInDisallowedCurrencyForAssetWithStakers() public {
        uint256 offerId = _offer(staked, address(usd), 100e6);
        _disallowUsd();
        vm.expectRevert(
            abi.encodeWithSelector(ILicenseManager.LicenseManagerCurrencyNotAllowed.selector, address(usd))
        );
        _buy(offerId);
    }

    function test_purchase_revertsInDisallowedCurrencyForAssetWithoutStakers() public {
        uint256 offerId = _offer(unstaked, address(usd), 100e6);
        _disallowUsd();
        vm.expectRevert(
            abi.encodeWithSelector(ILicenseManager.LicenseManagerCurrencyNotAllowed.selector, address(usd))
        );
        _buy(offerId);
    }

    function test_renew_revertsInDisallowedCurrencyWhetherOrNotStaked() public {
        uint256 stakedLicense = _buy(_offer(staked, address(usd), 100e6));
        uint256 unstakedLicense = _buy(_offer(unstaked, address(usd), 100e6));
        _disallowUsd();
        bytes memory notAllowed =
            abi.encodeWithSelector(ILicenseManager.LicenseManagerCurrencyNotAllowed.selector, address(usd));
        vm.startPrank(clinic);
        vm.expectRevert(notAllowed);
        licenses.renew(stakedLicense, 1);
        vm.expectRevert(notAllowed);
        licenses.renew(unstakedLicense, 1);
        vm.stopPrank();
    }

    /// What was paid before stays: licenses stay valid, revenue and rewards stay claimable.
    function test_setCurrencyAllowed_disallowingKeepsWhatWasPaid() public {
        uint256 licenseId = _buy(_offer(staked, address(usd), 100e6));
        _disallowUsd();
        assertTrue(licenses.isValid(licenseId, clinic));
        uint256[] memory assets = new uint256[](1);
        assets[0] = staked;
        address[] memory currencies = new address[](1);
        currencies[0] = address(usd);
        vm.prank(builder);
        assertEq(shares.claim(assets, currencies, builder)[0], 92.5e6);
        vm.prank(curator);
        assertEq(pool.claimRewards(assets, currencies, curator)[0], 5e6);
        licenses.withdrawProtocolFees(address(usd));
        assertEq(usd.balanceOf(treasury), 2.5e6);
    }

    function test_setCurrencyAllowed_allowingAgainResumesSalesWithCuratorShare() public {
        uint256 offerId = _offer(staked, address(usd), 100e6);
        _disallowUsd();
        vm.prank(admin);
        licenses.setCurrencyAllowed(address(usd), true);
        _buy(offerId);
        assertEq(usd.balanceOf(address(pool)), 5e6);
    }

    function test_purchase_inEthIsUnaffectedByDisallowingAnErc20() public {
        uint256 offerId = _offer(staked, address(0), 1 ether);
        _disallowUsd();
        vm.prank(clinic);
        uint256 licenseId = licenses.purchase{value: 1 ether}(offerId, 1, 1, clinic, 1 ether);
        assertTrue(licenses.isValid(licenseId, clinic));
        assertEq(address(pool).balance, 0.05 ether);
    }

    // ──────────────────────────────────────── curator rewards ─────────────────────────────────────────

    /// A staker's claim pays exactly what pendingRewards showed for the sale, then nothing more.
    function test_claimRewards_paysExactlyPendingRewardsFromASaleThenZero() public {
        uint256 offerId = _offer(staked, address(0), 1 ether + 7);
        vm.prank(clinic);
        licenses.purchase{value: 3 ether + 21}(offerId, 3, 1, clinic, 4 ether);
        uint256 pending = pool.pendingRewards(staked, address(0), curator);
        uint256 share = (3 ether + 21) * uint256(CURATOR_BPS) / 10_000;
        assertLe(pending, share);
        assertApproxEqAbs(pending, share, 1);
        uint256[] memory assets = new uint256[](1);
        assets[0] = staked;
        address[] memory eth = new address[](1);

        vm.prank(curator);
        assertEq(pool.claimRewards(assets, eth, curator)[0], pending);

        assertEq(curator.balance, pending);
        assertEq(pool.pendingRewards(staked, address(0), curator), 0);
        vm.prank(curator);
        assertEq(pool.claimRewards(assets, eth, curator)[0], 0);
    }

    function test_challenge_revertsForAssetNotYetRegistered() public {
        stakeToken.mint(clinic, 100e18);
        vm.startPrank(clinic);
        stakeToken.approve(address(pool), 100e18);
        uint256 next = registry.assetCount() + 1;
        vm.expectRevert(abi.encodeWithSignature("StakingPoolUnknownAsset(uint256)", next));
        pool.challenge(next, 100e18, keccak256("evidence"));
        vm.stopPrank();
    }

    /// Guard against a silent change of the fixture: both assets are models with no parents.
    function test_setUp_assetsHaveNoParents() public view {
        IAssetRegistry.Parent[] memory parents = registry.parentsOf(staked);
        assertEq(parents.length, 0);
        assertTrue(pool.hasStakers(staked));
        assertFalse(pool.hasStakers(unstaked));
    }
}
