// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {StakingPool} from "../src/StakingPool.sol";
import {TestToken} from "../src/dev/TestToken.sol";
import {IAssetRegistry} from "../src/interfaces/IAssetRegistry.sol";
import {IStakingPool} from "../src/interfaces/IStakingPool.sol";
import {MockAssetCount} from "./mocks/MockAssetCount.sol";

/// Deployed pool with every role granted to its own account, funded users and approvals.
abstract contract StakingPoolFixture is Test {
    StakingPool internal pool;
    TestToken internal stakeToken;
    TestToken internal usdc;
    MockAssetCount internal registry;

    address internal admin = makeAddr("admin");
    address internal treasury = makeAddr("treasury");
    address internal arbiter = makeAddr("arbiter");
    address internal pauser = makeAddr("pauser");
    address internal feeManager = makeAddr("feeManager");
    address internal notifier = makeAddr("notifier");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal challenger = makeAddr("challenger");

    address internal constant ETH = address(0);
    uint256 internal constant ASSET = 1;
    uint256 internal constant OTHER_ASSET = 2;
    uint64 internal constant DELAY = 7 days;
    uint16 internal constant SLASH_BPS = 2_000;
    uint256 internal constant MIN_BOND = 100e18;
    uint64 internal constant PERIOD = 14 days;
    /// Assets 1 to 3 are registered.
    uint256 internal constant REGISTERED = 3;
    uint256 internal constant FUNDS = 1e30;
    bytes32 internal constant EVIDENCE = keccak256("evidence: overstated sensitivity");

    function setUp() public virtual {
        stakeToken = new TestToken("Tessera Stake", "TSR", 18);
        usdc = new TestToken("Test USD", "tUSD", 6);
        registry = new MockAssetCount(REGISTERED);
        pool = _deploy(admin, stakeToken, treasury, DELAY, SLASH_BPS, MIN_BOND, PERIOD);

        vm.startPrank(admin);
        pool.grantRole(pool.ARBITER_ROLE(), arbiter);
        pool.grantRole(pool.PAUSER_ROLE(), pauser);
        pool.grantRole(pool.FEE_MANAGER_ROLE(), feeManager);
        pool.grantRole(pool.REWARD_NOTIFIER_ROLE(), notifier);
        vm.stopPrank();

        _fund(alice);
        _fund(bob);
        _fund(challenger);
        _fund(notifier);
        vm.deal(notifier, FUNDS);
    }

    function _deploy(
        address admin_,
        IERC20 token,
        address treasury_,
        uint64 delay,
        uint16 slashBps,
        uint256 minBond,
        uint64 period
    ) internal returns (StakingPool) {
        return new StakingPool(
            admin_, token, IAssetRegistry(address(registry)), treasury_, delay, slashBps, minBond, period
        );
    }

    function _fund(address account) internal {
        stakeToken.mint(account, FUNDS);
        usdc.mint(account, FUNDS);
        vm.startPrank(account);
        stakeToken.approve(address(pool), type(uint256).max);
        usdc.approve(address(pool), type(uint256).max);
        vm.stopPrank();
    }

    function _stake(address staker, uint256 assetId, uint256 amount) internal returns (uint256 shares) {
        vm.prank(staker);
        shares = pool.stake(assetId, amount);
    }

    function _unstake(address staker, uint256 assetId, uint256 amount) internal returns (uint256 entryId) {
        vm.prank(staker);
        entryId = pool.unstake(assetId, amount);
    }

    function _withdraw(address staker, uint256 entryId) internal returns (uint256 amount) {
        vm.prank(staker);
        amount = pool.withdraw(entryId);
    }

    function _notify(uint256 assetId, address currency, uint256 amount) internal {
        vm.prank(notifier);
        pool.notifyReward{value: currency == ETH ? amount : 0}(assetId, currency, amount);
    }

    function _claim(address account, uint256 assetId, address currency) internal returns (uint256) {
        uint256[] memory assetIds = new uint256[](1);
        address[] memory currencies = new address[](1);
        assetIds[0] = assetId;
        currencies[0] = currency;
        vm.prank(account);
        return pool.claimRewards(assetIds, currencies, account)[0];
    }

    function _challenge(uint256 assetId, uint256 bond) internal returns (uint256 challengeId) {
        vm.prank(challenger);
        challengeId = pool.challenge(assetId, bond, EVIDENCE);
    }

    function _resolve(uint256 challengeId, bool upheld) internal {
        vm.prank(arbiter);
        pool.resolve(challengeId, upheld);
    }

    function _lapse(uint256 challengeId) internal {
        vm.warp(pool.challengeOf(challengeId).deadline);
        pool.lapse(challengeId);
    }

    function _pause() internal {
        vm.prank(pauser);
        pool.pause();
    }

    function _expectFrozen(uint256 assetId, uint32 open) internal {
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolAssetFrozen.selector, assetId, open));
    }

    function _expectMissingRole(address account, bytes32 role) internal {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, account, role)
        );
    }
}

/// An ERC-20 that burns 1% of every transfer, which the pool must refuse as a reward currency.
contract FeeOnTransferToken is ERC20 {
    constructor() ERC20("Fee", "FEE") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) return super._update(from, to, value);
        uint256 fee = value / 100;
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}

/// A recipient that refuses ETH: it has neither `receive` nor a payable fallback.
contract EthRefuser {
    function ping() external pure returns (bool) {
        return true;
    }
}

contract StakingPoolTest is StakingPoolFixture {
    // ───────────────────────────────────────── constructor ─────────────────────────────────────────

    function test_constructor_setsConfigAndGrantsOnlyAdmin() public {
        StakingPool fresh = _deploy(admin, stakeToken, treasury, DELAY, SLASH_BPS, MIN_BOND, PERIOD);
        assertEq(fresh.stakeToken(), address(stakeToken));
        assertEq(fresh.registry(), address(registry));
        assertEq(fresh.challengePeriod(), PERIOD);
        assertEq(fresh.treasury(), treasury);
        assertEq(fresh.unbondingDelay(), DELAY);
        assertEq(fresh.slashBps(), SLASH_BPS);
        assertEq(fresh.challengerShareBps(), fresh.DEFAULT_CHALLENGER_SHARE_BPS());
        assertEq(fresh.minBond(), MIN_BOND);
        assertTrue(fresh.hasRole(fresh.DEFAULT_ADMIN_ROLE(), admin));
        assertFalse(fresh.hasRole(fresh.ARBITER_ROLE(), admin));
        assertFalse(fresh.hasRole(fresh.REWARD_NOTIFIER_ROLE(), admin));
    }

    function test_constructor_emitsConfigEvents() public {
        vm.expectEmit(false, false, false, true);
        emit IStakingPool.TreasuryUpdated(address(0), treasury);
        vm.expectEmit(false, false, false, true);
        emit IStakingPool.UnbondingDelayUpdated(0, DELAY);
        vm.expectEmit(false, false, false, true);
        emit IStakingPool.SlashBpsUpdated(0, SLASH_BPS);
        vm.expectEmit(false, false, false, true);
        emit IStakingPool.ChallengerShareBpsUpdated(0, 5_000);
        vm.expectEmit(false, false, false, true);
        emit IStakingPool.MinBondUpdated(0, MIN_BOND);
        vm.expectEmit(false, false, false, true);
        emit IStakingPool.ChallengePeriodUpdated(0, PERIOD);
        _deploy(admin, stakeToken, treasury, DELAY, SLASH_BPS, MIN_BOND, PERIOD);
    }

    function test_constructor_revertsOnZeroAdmin() public {
        vm.expectRevert(IStakingPool.StakingPoolZeroAddress.selector);
        _deploy(address(0), stakeToken, treasury, DELAY, SLASH_BPS, MIN_BOND, PERIOD);
    }

    function test_constructor_revertsOnZeroStakeToken() public {
        vm.expectRevert(IStakingPool.StakingPoolZeroAddress.selector);
        _deploy(admin, IERC20(address(0)), treasury, DELAY, SLASH_BPS, MIN_BOND, PERIOD);
    }

    function test_constructor_revertsOnZeroRegistry() public {
        vm.expectRevert(IStakingPool.StakingPoolZeroAddress.selector);
        new StakingPool(admin, stakeToken, IAssetRegistry(address(0)), treasury, DELAY, SLASH_BPS, MIN_BOND, PERIOD);
    }

    function test_constructor_revertsOnZeroTreasury() public {
        vm.expectRevert(IStakingPool.StakingPoolZeroAddress.selector);
        _deploy(admin, stakeToken, address(0), DELAY, SLASH_BPS, MIN_BOND, PERIOD);
    }

    function test_constructor_revertsOnSlashBpsAboveCap() public {
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolBpsAboveCap.selector, 5_001, 5_000));
        _deploy(admin, stakeToken, treasury, DELAY, 5_001, MIN_BOND, PERIOD);
    }

    function test_constructor_revertsOnUnbondingDelayAboveCap() public {
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPool.StakingPoolUnbondingDelayAboveCap.selector, 366 days, 365 days)
        );
        _deploy(admin, stakeToken, treasury, 366 days, SLASH_BPS, MIN_BOND, PERIOD);
    }

    /// A zero minimum would let 1-wei challenges freeze assets again.
    function test_constructor_revertsOnZeroMinBond() public {
        vm.expectRevert(IStakingPool.StakingPoolZeroAmount.selector);
        _deploy(admin, stakeToken, treasury, DELAY, SLASH_BPS, 0, PERIOD);
    }

    function test_constructor_revertsOnChallengePeriodBelowMinimum() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingPool.StakingPoolChallengePeriodOutOfRange.selector, 1 days - 1, 1 days, 90 days
            )
        );
        _deploy(admin, stakeToken, treasury, DELAY, SLASH_BPS, MIN_BOND, 1 days - 1);
    }

    function test_constructor_revertsOnChallengePeriodAboveMaximum() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingPool.StakingPoolChallengePeriodOutOfRange.selector, 90 days + 1, 1 days, 90 days
            )
        );
        _deploy(admin, stakeToken, treasury, DELAY, SLASH_BPS, MIN_BOND, 90 days + 1);
    }

    // ─────────────────────────────────────────── stake ─────────────────────────────────────────────

    function test_stake_mintsSharesOneToOneOnEmptyAsset() public {
        uint256 shares = _stake(alice, ASSET, 100e18);

        assertEq(shares, 100e18);
        assertEq(pool.sharesOf(ASSET, alice), 100e18);
        assertEq(pool.stakeOf(ASSET, alice), 100e18);
        IStakingPool.AssetPool memory state = pool.assetPool(ASSET);
        assertEq(state.totalStake, 100e18);
        assertEq(state.totalShares, 100e18);
        assertEq(state.activeShares, 100e18);
        assertTrue(pool.hasStakers(ASSET));
        assertFalse(pool.hasStakers(OTHER_ASSET));
    }

    function test_stake_pullsStakeTokens() public {
        _stake(alice, ASSET, 100e18);
        assertEq(stakeToken.balanceOf(address(pool)), 100e18);
        assertEq(stakeToken.balanceOf(alice), FUNDS - 100e18);
    }

    function test_stake_emitsStakedWithPostState() public {
        _stake(bob, ASSET, 50e18);
        vm.expectEmit(address(pool));
        emit IStakingPool.Staked(ASSET, alice, 100e18, 100e18, 100e18, 150e18, 150e18, 150e18);
        _stake(alice, ASSET, 100e18);
    }

    function test_stake_mintsMoreSharesPerTokenAfterSlash() public {
        _stake(alice, ASSET, 100e18);
        _resolve(_challenge(ASSET, MIN_BOND), true); // 20% slashed: 80 tokens back 100 shares

        uint256 shares = _stake(bob, ASSET, 40e18);

        assertEq(shares, 50e18);
        assertEq(pool.stakeOf(ASSET, bob), 40e18);
        assertEq(pool.stakeOf(ASSET, alice), 80e18);
    }

    function test_stake_settlesRewardsFirst() public {
        _stake(alice, ASSET, 100e18);
        _notify(ASSET, ETH, 1 ether);
        _stake(alice, ASSET, 100e18);
        _stake(bob, ASSET, 200e18);

        assertEq(pool.pendingRewards(ASSET, ETH, alice), 1 ether);
        assertEq(pool.pendingRewards(ASSET, ETH, bob), 0);
    }

    function test_stake_revertsOnZeroAmount() public {
        vm.expectRevert(IStakingPool.StakingPoolZeroAmount.selector);
        _stake(alice, ASSET, 0);
    }

    function test_stake_revertsWhenAssetIdOutOfRange() public {
        uint256 tooLarge = uint256(type(uint64).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolAssetIdOutOfRange.selector, tooLarge));
        _stake(alice, tooLarge, 1e18);
    }

    function test_stake_revertsWhenFrozen() public {
        _stake(alice, ASSET, 100e18);
        _challenge(ASSET, MIN_BOND);
        _expectFrozen(ASSET, 1);
        _stake(bob, ASSET, 1e18);
    }

    function test_stake_revertsWhenPaused() public {
        _pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        _stake(alice, ASSET, 1e18);
    }

    function test_stake_revertsWithoutAllowance() public {
        address stranger = makeAddr("stranger");
        stakeToken.mint(stranger, 1e18);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(pool), 0, 1e18)
        );
        _stake(stranger, ASSET, 1e18);
    }

    // ──────────────────────────────────────── stakeWithPermit ──────────────────────────────────────

    /// keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)")
    bytes32 internal constant PERMIT_TYPEHASH = 0x6e71edae12b1b97f4d1f60370fef10105fa2faae0126114a169c64845d6126c9;

    function _permit(uint256 ownerKey, uint256 amount, uint256 deadline)
        internal
        view
        returns (uint8 v, bytes32 r, bytes32 s)
    {
        address owner = vm.addr(ownerKey);
        bytes32 structHash = keccak256(
            abi.encode(
                PERMIT_TYPEHASH,
                owner,
                address(pool),
                amount,
                stakeToken.nonces(owner),
                deadline
            )
        );
        return vm.sign(ownerKey, keccak256(abi.encodePacked("\x19\x01", stakeToken.DOMAIN_SEPARATOR(), structHash)));
    }

    function test_stakeWithPermit_stakesWithoutPriorApproval() public {
        (address clinic, uint256 key) = makeAddrAndKey("clinic");
        stakeToken.mint(clinic, 10e18);
        (uint8 v, bytes32 r, bytes32 s) = _permit(key, 10e18, block.timestamp + 1 hours);

        vm.prank(clinic);
        uint256 shares = pool.stakeWithPermit(ASSET, 10e18, block.timestamp + 1 hours, v, r, s);

        assertEq(shares, 10e18);
        assertEq(pool.stakeOf(ASSET, clinic), 10e18);
        assertEq(stakeToken.balanceOf(clinic), 0);
    }

    function test_stakeWithPermit_succeedsWhenPermitWasFrontRun() public {
        (address clinic, uint256 key) = makeAddrAndKey("clinic");
        stakeToken.mint(clinic, 10e18);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(key, 10e18, deadline);
        stakeToken.permit(clinic, address(pool), 10e18, deadline, v, r, s); // someone else submits it

        vm.prank(clinic);
        pool.stakeWithPermit(ASSET, 10e18, deadline, v, r, s);
        assertEq(pool.stakeOf(ASSET, clinic), 10e18);
    }

    function test_stakeWithPermit_revertsWithBadPermitAndNoAllowance() public {
        (address clinic,) = makeAddrAndKey("clinic");
        stakeToken.mint(clinic, 10e18);
        (, uint256 wrongKey) = makeAddrAndKey("mallory");
        (uint8 v, bytes32 r, bytes32 s) = _permit(wrongKey, 10e18, block.timestamp + 1 hours);

        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(pool), 0, 10e18)
        );
        vm.prank(clinic);
        pool.stakeWithPermit(ASSET, 10e18, block.timestamp + 1 hours, v, r, s);
    }

    function test_stakeWithPermit_revertsWhenPaused() public {
        _pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(alice);
        pool.stakeWithPermit(ASSET, 1e18, block.timestamp, 0, bytes32(0), bytes32(0));
    }

    // ─────────────────────────────────────────── unstake ───────────────────────────────────────────

    function test_unstake_movesSharesIntoEntry() public {
        _stake(alice, ASSET, 100e18);
        uint256 entryId = _unstake(alice, ASSET, 30e18);

        assertEq(entryId, pool.entryIdOf(alice, ASSET, 0));
        assertEq(pool.entryCountOf(ASSET, alice), 1);
        assertEq(pool.sharesOf(ASSET, alice), 70e18);
        IStakingPool.UnbondingEntry memory entry = pool.unbondingEntry(entryId);
        assertEq(entry.owner, alice);
        assertEq(entry.assetId, ASSET);
        assertEq(entry.shares, 30e18);
        assertEq(entry.releaseTime, block.timestamp + DELAY);
        assertEq(pool.entryValue(entryId), 30e18);
        IStakingPool.AssetPool memory state = pool.assetPool(ASSET);
        assertEq(state.totalStake, 100e18);
        assertEq(state.totalShares, 100e18);
        assertEq(state.activeShares, 70e18);
    }

    function test_unstake_emitsUnstakeStarted() public {
        _stake(alice, ASSET, 100e18);
        vm.expectEmit(address(pool));
        emit IStakingPool.UnstakeStarted(
            pool.entryIdOf(alice, ASSET, 0), ASSET, alice, 30e18, 30e18, 70e18, 70e18, uint64(block.timestamp) + DELAY
        );
        _unstake(alice, ASSET, 30e18);
    }

    function test_unstake_entryIdsEncodeOwnerAssetAndIndex() public {
        _stake(alice, ASSET, 100e18);
        _stake(alice, OTHER_ASSET, 100e18);
        _stake(bob, ASSET, 100e18);
        uint256 first = _unstake(alice, ASSET, 1e18);
        uint256 second = _unstake(alice, ASSET, 1e18);
        uint256 otherAsset = _unstake(alice, OTHER_ASSET, 1e18);
        uint256 bobs = _unstake(bob, ASSET, 1e18);

        assertEq(first, (uint256(uint160(alice)) << 96) | (ASSET << 32));
        assertEq(second, first + 1);
        assertEq(otherAsset, (uint256(uint160(alice)) << 96) | (OTHER_ASSET << 32));
        assertEq(bobs, pool.entryIdOf(bob, ASSET, 0));
        assertEq(pool.entryCountOf(ASSET, alice), 2);
        assertEq(pool.unbondingEntry(second).owner, alice);
        assertEq(pool.unbondingEntry(otherAsset).assetId, OTHER_ASSET);
    }

    function test_entryIdOf_revertsWhenAssetIdOutOfRange() public {
        uint256 tooLarge = uint256(type(uint64).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolAssetIdOutOfRange.selector, tooLarge));
        pool.entryIdOf(alice, tooLarge, 0);
    }

    function test_unstake_unbondingSharesEarnNoRewards() public {
        _stake(alice, ASSET, 100e18);
        _stake(bob, ASSET, 100e18);
        _unstake(bob, ASSET, 100e18);
        _notify(ASSET, ETH, 1 ether);

        assertEq(pool.pendingRewards(ASSET, ETH, alice), 1 ether);
        assertEq(pool.pendingRewards(ASSET, ETH, bob), 0);
    }

    function test_unstake_settlesRewardsFirst() public {
        _stake(alice, ASSET, 100e18);
        _stake(bob, ASSET, 100e18);
        _notify(ASSET, ETH, 1 ether);
        _unstake(bob, ASSET, 100e18);
        _notify(ASSET, ETH, 1 ether);

        assertEq(pool.pendingRewards(ASSET, ETH, bob), 0.5 ether);
        assertEq(pool.pendingRewards(ASSET, ETH, alice), 1.5 ether);
    }

    function test_unstake_sweepsWorthlessRemainder() public {
        // 3 tokens back 4 shares after a 25% slash; unstaking everything alice's 3 shares are worth
        // (2 tokens) burns ceil(2 * 4 / 3) = 3 shares and must not leave a worthless share behind.
        vm.prank(feeManager);
        pool.setSlashBps(2_500);
        _stake(alice, ASSET, 3);
        _stake(bob, ASSET, 1);
        _resolve(_challenge(ASSET, MIN_BOND), true);
        assertEq(pool.assetPool(ASSET).totalStake, 3);
        assertEq(pool.stakeOf(ASSET, alice), 2);

        uint256 entryId = _unstake(alice, ASSET, 2);

        assertEq(pool.sharesOf(ASSET, alice), 0);
        assertEq(pool.unbondingEntry(entryId).shares, 3);
    }

    function test_unstake_revertsOnZeroAmount() public {
        _stake(alice, ASSET, 100e18);
        vm.expectRevert(IStakingPool.StakingPoolZeroAmount.selector);
        _unstake(alice, ASSET, 0);
    }

    function test_unstake_revertsOnInsufficientStake() public {
        _stake(alice, ASSET, 100e18);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingPool.StakingPoolInsufficientStake.selector, ASSET, alice, 100e18, 100e18 + 1
            )
        );
        _unstake(alice, ASSET, 100e18 + 1);
    }

    function test_unstake_revertsForNonStaker() public {
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPool.StakingPoolInsufficientStake.selector, ASSET, bob, 0, 1)
        );
        _unstake(bob, ASSET, 1);
    }

    /// Unstaking while frozen starts the clock but escapes nothing: the entry is slashed alike.
    function test_unstake_worksWhileFrozenAndEntryStaysSlashable() public {
        _stake(alice, ASSET, 100e18);
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        uint256 entryId = _unstake(alice, ASSET, 100e18);
        assertEq(pool.sharesOf(ASSET, alice), 0);

        _resolve(challengeId, true);

        assertEq(pool.entryValue(entryId), 80e18);
        assertEq(pool.assetPool(ASSET).totalStake, 80e18);
    }

    /// A staker who unstakes during a challenge gives up its part of a forfeited bond.
    function test_unstake_whileFrozenGivesUpForfeitedBond() public {
        _stake(alice, ASSET, 100e18);
        _stake(bob, ASSET, 100e18);
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        _unstake(bob, ASSET, 100e18);

        _resolve(challengeId, false);

        assertEq(pool.pendingRewards(ASSET, address(stakeToken), alice), MIN_BOND);
        assertEq(pool.pendingRewards(ASSET, address(stakeToken), bob), 0);
    }

    function test_unstake_revertsWhenPaused() public {
        _stake(alice, ASSET, 100e18);
        _pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        _unstake(alice, ASSET, 1e18);
    }

    // ─────────────────────────────────────────── withdraw ──────────────────────────────────────────

    function test_withdraw_paysEntryAfterDelay() public {
        _stake(alice, ASSET, 100e18);
        uint256 entryId = _unstake(alice, ASSET, 40e18);
        vm.warp(block.timestamp + DELAY);

        assertEq(_withdraw(alice, entryId), 40e18);

        assertEq(stakeToken.balanceOf(alice), FUNDS - 60e18);
        assertEq(pool.unbondingEntry(entryId).shares, 0);
        IStakingPool.AssetPool memory state = pool.assetPool(ASSET);
        assertEq(state.totalStake, 60e18);
        assertEq(state.totalShares, 60e18);
    }

    function test_withdraw_emitsWithdrawn() public {
        _stake(alice, ASSET, 100e18);
        uint256 entryId = _unstake(alice, ASSET, 40e18);
        vm.warp(block.timestamp + DELAY);
        vm.expectEmit(address(pool));
        emit IStakingPool.Withdrawn(entryId, ASSET, alice, 40e18, 40e18, 60e18, 60e18);
        _withdraw(alice, entryId);
    }

    function test_withdraw_paysLessWhenSlashedWhileUnbonding() public {
        _stake(alice, ASSET, 100e18);
        uint256 entryId = _unstake(alice, ASSET, 100e18);
        _resolve(_challenge(ASSET, MIN_BOND), true);
        vm.warp(block.timestamp + DELAY);

        assertEq(_withdraw(alice, entryId), 80e18);
        assertEq(pool.assetPool(ASSET).totalStake, 0);
    }

    function test_withdraw_lastEntryRedeemsAllRemainingStake() public {
        _stake(alice, ASSET, 7);
        _stake(bob, ASSET, 5);
        _resolve(_challenge(ASSET, MIN_BOND), true); // 12 - 2 = 10 tokens for 12 shares
        uint256 aliceEntry = _unstake(alice, ASSET, pool.stakeOf(ASSET, alice));
        uint256 bobEntry = _unstake(bob, ASSET, pool.stakeOf(ASSET, bob));
        vm.warp(block.timestamp + DELAY);

        uint256 paid = _withdraw(alice, aliceEntry) + _withdraw(bob, bobEntry);

        assertEq(paid, 10);
        assertEq(stakeToken.balanceOf(address(pool)), 0);
        assertEq(pool.assetPool(ASSET).totalShares, 0);
    }

    function test_withdraw_revertsBeforeRelease() public {
        _stake(alice, ASSET, 100e18);
        uint256 entryId = _unstake(alice, ASSET, 1e18);
        uint64 release = uint64(block.timestamp) + DELAY;
        vm.warp(release - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPool.StakingPoolEntryNotMatured.selector, entryId, release, release - 1)
        );
        _withdraw(alice, entryId);
    }

    function test_withdraw_revertsForNonOwner() public {
        _stake(alice, ASSET, 100e18);
        uint256 entryId = _unstake(alice, ASSET, 1e18);
        vm.warp(block.timestamp + DELAY);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPool.StakingPoolNotEntryOwner.selector, entryId, alice, bob)
        );
        _withdraw(bob, entryId);
    }

    function test_withdraw_revertsForUnknownEntry() public {
        uint256 neverStarted = pool.entryIdOf(alice, ASSET, 0);
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolUnknownEntry.selector, neverStarted));
        _withdraw(alice, neverStarted);
    }

    function test_withdraw_revertsWhenAlreadyWithdrawn() public {
        _stake(alice, ASSET, 100e18);
        uint256 entryId = _unstake(alice, ASSET, 1e18);
        vm.warp(block.timestamp + DELAY);
        _withdraw(alice, entryId);
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolUnknownEntry.selector, entryId));
        _withdraw(alice, entryId);
    }

    function test_withdraw_revertsWhenFrozen() public {
        _stake(alice, ASSET, 100e18);
        uint256 entryId = _unstake(alice, ASSET, 1e18);
        _challenge(ASSET, MIN_BOND);
        vm.warp(block.timestamp + DELAY);
        _expectFrozen(ASSET, 1);
        _withdraw(alice, entryId);
    }

    function test_withdraw_revertsWhenFrozenUntilTheChallengeLapses() public {
        _stake(alice, ASSET, 100e18);
        uint256 entryId = _unstake(alice, ASSET, 1e18);
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        vm.warp(pool.challengeOf(challengeId).deadline);
        _expectFrozen(ASSET, 1);
        _withdraw(alice, entryId);

        pool.lapse(challengeId);

        assertEq(_withdraw(alice, entryId), 1e18);
    }

    function test_withdraw_revertsWhenPaused() public {
        _stake(alice, ASSET, 100e18);
        uint256 entryId = _unstake(alice, ASSET, 1e18);
        vm.warp(block.timestamp + DELAY);
        _pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        _withdraw(alice, entryId);
    }

    function test_withdraw_keepsReleaseTimeWhenDelayChanges() public {
        _stake(alice, ASSET, 100e18);
        uint256 entryId = _unstake(alice, ASSET, 1e18);
        vm.prank(feeManager);
        pool.setUnbondingDelay(30 days);
        vm.warp(block.timestamp + DELAY);
        assertEq(_withdraw(alice, entryId), 1e18);
    }

    // ───────────────────────────────────────── notifyReward ────────────────────────────────────────

    function test_notifyReward_splitsEthProRataToActiveStake() public {
        _stake(alice, ASSET, 300e18);
        _stake(bob, ASSET, 100e18);
        _notify(ASSET, ETH, 4 ether);

        assertEq(pool.pendingRewards(ASSET, ETH, alice), 3 ether);
        assertEq(pool.pendingRewards(ASSET, ETH, bob), 1 ether);
        assertEq(address(pool).balance, 4 ether);
    }

    function test_notifyReward_pullsErc20FromNotifier() public {
        _stake(alice, ASSET, 100e18);
        _notify(ASSET, address(usdc), 250e6);

        assertEq(usdc.balanceOf(address(pool)), 250e6);
        assertEq(usdc.balanceOf(notifier), FUNDS - 250e6);
        assertEq(pool.pendingRewards(ASSET, address(usdc), alice), 250e6);
    }

    function test_notifyReward_emitsRewardNotified() public {
        _stake(alice, ASSET, 100e18);
        uint256 expected = 250e6 * 1e36 / 100e18;
        vm.expectEmit(address(pool));
        emit IStakingPool.RewardNotified(ASSET, address(usdc), notifier, 250e6, expected);
        _notify(ASSET, address(usdc), 250e6);
        assertEq(pool.rewardPerShare(ASSET, address(usdc)), expected);
    }

    function test_notifyReward_listsCurrenciesOnFirstUse() public {
        _stake(alice, ASSET, 100e18);
        _notify(ASSET, address(usdc), 1e6);
        _notify(ASSET, ETH, 1 ether);
        _notify(ASSET, address(usdc), 1e6);

        address[] memory currencies = pool.rewardCurrencies(ASSET);
        assertEq(currencies.length, 2);
        assertEq(currencies[0], address(usdc));
        assertEq(currencies[1], ETH);
        assertEq(pool.assetPool(ASSET).rewardCurrencyCount, 2);
    }

    function test_notifyReward_worksWhilePaused() public {
        _stake(alice, ASSET, 100e18);
        _pause();
        _notify(ASSET, ETH, 1 ether);
        assertEq(pool.pendingRewards(ASSET, ETH, alice), 1 ether);
    }

    function test_notifyReward_revertsWithoutRole() public {
        _stake(alice, ASSET, 100e18);
        _expectMissingRole(alice, pool.REWARD_NOTIFIER_ROLE());
        vm.prank(alice);
        pool.notifyReward(ASSET, address(usdc), 1e6);
    }

    function test_notifyReward_revertsOnZeroAmount() public {
        _stake(alice, ASSET, 100e18);
        vm.expectRevert(IStakingPool.StakingPoolZeroAmount.selector);
        _notify(ASSET, ETH, 0);
    }

    function test_notifyReward_revertsWithoutActiveStake() public {
        _stake(alice, ASSET, 100e18);
        _unstake(alice, ASSET, 100e18); // unbonding stake earns nothing, so nobody can take it
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolNoStakers.selector, ASSET));
        _notify(ASSET, ETH, 1 ether);
    }

    function test_notifyReward_revertsWhenEthValueDiffers() public {
        _stake(alice, ASSET, 100e18);
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolEthAmountMismatch.selector, 1 ether, 0.5 ether));
        vm.prank(notifier);
        pool.notifyReward{value: 0.5 ether}(ASSET, ETH, 1 ether);
    }

    function test_notifyReward_revertsWhenEthSentWithErc20() public {
        _stake(alice, ASSET, 100e18);
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolEthAmountMismatch.selector, 0, 1));
        vm.prank(notifier);
        pool.notifyReward{value: 1}(ASSET, address(usdc), 1e6);
    }

    function test_notifyReward_revertsOnFeeOnTransferToken() public {
        FeeOnTransferToken feeToken = new FeeOnTransferToken();
        feeToken.mint(notifier, 100e18);
        vm.prank(notifier);
        feeToken.approve(address(pool), 100e18);
        _stake(alice, ASSET, 100e18);

        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingPool.StakingPoolTransferAmountMismatch.selector, address(feeToken), 100e18, 99e18
            )
        );
        _notify(ASSET, address(feeToken), 100e18);
    }

    function test_notifyReward_revertsOnCurrencyBeyondCap() public {
        _stake(alice, ASSET, 100e18);
        _fillRewardCurrencies(ASSET);
        address ninth = address(usdc);
        assertFalse(pool.acceptsReward(ASSET, ninth));
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPool.StakingPoolTooManyRewardCurrencies.selector, ASSET, ninth, 8)
        );
        _notify(ASSET, ninth, 1e6);
    }

    function _fillRewardCurrencies(uint256 assetId) internal {
        for (uint256 i; i < pool.MAX_REWARD_CURRENCIES(); ++i) {
            TestToken token = new TestToken("Filler", "FIL", 18);
            token.mint(notifier, 1e18);
            vm.prank(notifier);
            token.approve(address(pool), 1e18);
            _notify(assetId, address(token), 1e18);
        }
    }

    // ───────────────────────────────────────── claimRewards ────────────────────────────────────────

    function test_claimRewards_paysEveryPairInOneCall() public {
        _stake(alice, ASSET, 100e18);
        _stake(alice, OTHER_ASSET, 100e18);
        _notify(ASSET, ETH, 1 ether);
        _notify(ASSET, address(usdc), 10e6);
        _notify(OTHER_ASSET, address(usdc), 5e6);
        uint256[] memory assetIds = new uint256[](3);
        address[] memory currencies = new address[](3);
        (assetIds[0], assetIds[1], assetIds[2]) = (ASSET, ASSET, OTHER_ASSET);
        (currencies[0], currencies[1], currencies[2]) = (ETH, address(usdc), address(usdc));
        address wallet = makeAddr("wallet");

        vm.prank(alice);
        uint256[] memory amounts = pool.claimRewards(assetIds, currencies, wallet);

        assertEq(amounts[0], 1 ether);
        assertEq(amounts[1], 10e6);
        assertEq(amounts[2], 5e6);
        assertEq(wallet.balance, 1 ether);
        assertEq(usdc.balanceOf(wallet), 15e6);
        assertEq(pool.pendingRewards(ASSET, ETH, alice), 0);
    }

    function test_claimRewards_emitsRewardsClaimed() public {
        _stake(alice, ASSET, 100e18);
        _notify(ASSET, address(usdc), 10e6);
        vm.expectEmit(address(pool));
        emit IStakingPool.RewardsClaimed(alice, ASSET, address(usdc), 10e6, alice);
        _claim(alice, ASSET, address(usdc));
    }

    function test_claimRewards_skipsPairsWithNothingToClaim() public {
        _stake(alice, ASSET, 100e18);
        assertEq(_claim(alice, ASSET, ETH), 0);
        assertEq(_claim(bob, OTHER_ASSET, address(usdc)), 0);
    }

    /// A claim pays exactly what pendingRewards showed, and pendingRewards is zero afterwards.
    function test_claimRewards_paysExactlyPendingRewardsThenZero() public {
        _stake(alice, ASSET, 300e18);
        _stake(bob, ASSET, 100e18);
        _notify(ASSET, address(usdc), 1_000_003);
        uint256 pending = pool.pendingRewards(ASSET, address(usdc), alice);
        assertGt(pending, 0);
        uint256 before = usdc.balanceOf(alice);

        assertEq(_claim(alice, ASSET, address(usdc)), pending);

        assertEq(usdc.balanceOf(alice) - before, pending);
        assertEq(pool.pendingRewards(ASSET, address(usdc), alice), 0);
        assertEq(_claim(alice, ASSET, address(usdc)), 0);
    }

    function test_claimRewards_worksWhileFrozen() public {
        _stake(alice, ASSET, 100e18);
        _notify(ASSET, ETH, 1 ether);
        _challenge(ASSET, MIN_BOND);
        assertEq(_claim(alice, ASSET, ETH), 1 ether);
    }

    function test_claimRewards_paysOnlyOnce() public {
        _stake(alice, ASSET, 100e18);
        _notify(ASSET, ETH, 1 ether);
        assertEq(_claim(alice, ASSET, ETH), 1 ether);
        assertEq(_claim(alice, ASSET, ETH), 0);
        assertEq(address(pool).balance, 0);
    }

    function test_claimRewards_paysRewardsEarnedBeforeUnstaking() public {
        _stake(alice, ASSET, 100e18);
        _notify(ASSET, ETH, 1 ether);
        _unstake(alice, ASSET, 100e18);
        assertEq(_claim(alice, ASSET, ETH), 1 ether);
    }

    function test_claimRewards_revertsOnLengthMismatch() public {
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolArrayLengthMismatch.selector, 2, 1));
        vm.prank(alice);
        pool.claimRewards(new uint256[](2), new address[](1), alice);
    }

    function test_claimRewards_revertsOnZeroRecipient() public {
        vm.expectRevert(IStakingPool.StakingPoolZeroAddress.selector);
        vm.prank(alice);
        pool.claimRewards(new uint256[](1), new address[](1), address(0));
    }

    function test_claimRewards_revertsWhenPaused() public {
        _pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(alice);
        pool.claimRewards(new uint256[](1), new address[](1), alice);
    }

    function test_claimRewards_revertsWhenRecipientRefusesEth() public {
        _stake(alice, ASSET, 100e18);
        _notify(ASSET, ETH, 1 ether);
        uint256[] memory assetIds = new uint256[](1);
        assetIds[0] = ASSET;
        address refuser = address(new EthRefuser());
        vm.expectRevert();
        vm.prank(alice);
        pool.claimRewards(assetIds, new address[](1), refuser);
    }

    // ────────────────────────────────────────── challenge ──────────────────────────────────────────

    function test_challenge_pullsBondAndFreezesAsset() public {
        _stake(alice, ASSET, 100e18);
        uint256 challengeId = _challenge(ASSET, MIN_BOND);

        assertEq(challengeId, 1);
        assertTrue(pool.isFrozen(ASSET));
        assertFalse(pool.isFrozen(OTHER_ASSET));
        assertEq(pool.assetPool(ASSET).openChallenges, 1);
        assertEq(stakeToken.balanceOf(address(pool)), 100e18 + MIN_BOND);
        IStakingPool.Challenge memory c = pool.challengeOf(challengeId);
        assertEq(c.challenger, challenger);
        assertEq(c.assetId, ASSET);
        assertEq(c.bond, MIN_BOND);
        assertEq(c.slashBps, SLASH_BPS);
        assertEq(c.challengerShareBps, 5_000);
        assertEq(uint8(c.status), uint8(IStakingPool.ChallengeStatus.Open));
    }

    function test_challengeWithPermit_postsBondWithoutPriorApproval() public {
        (address whistleblower, uint256 key) = makeAddrAndKey("whistleblower");
        stakeToken.mint(whistleblower, MIN_BOND);
        (uint8 v, bytes32 r, bytes32 s) = _permit(key, MIN_BOND, block.timestamp + 1 hours);

        vm.prank(whistleblower);
        uint256 challengeId =
            pool.challengeWithPermit(ASSET, MIN_BOND, keccak256("evidence"), block.timestamp + 1 hours, v, r, s);

        assertEq(pool.challengeOf(challengeId).challenger, whistleblower);
        assertEq(pool.challengeOf(challengeId).bond, MIN_BOND);
        assertTrue(pool.isFrozen(ASSET));
        assertEq(stakeToken.balanceOf(whistleblower), 0);
        assertEq(stakeToken.allowance(whistleblower, address(pool)), 0);
    }

    function test_challengeWithPermit_succeedsWhenPermitWasFrontRun() public {
        (address whistleblower, uint256 key) = makeAddrAndKey("whistleblower");
        stakeToken.mint(whistleblower, MIN_BOND);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(key, MIN_BOND, deadline);
        stakeToken.permit(whistleblower, address(pool), MIN_BOND, deadline, v, r, s);

        vm.prank(whistleblower);
        pool.challengeWithPermit(ASSET, MIN_BOND, keccak256("evidence"), deadline, v, r, s);
        assertTrue(pool.isFrozen(ASSET));
    }

    function test_challengeWithPermit_revertsWithBadPermitAndNoAllowance() public {
        (address whistleblower,) = makeAddrAndKey("whistleblower");
        stakeToken.mint(whistleblower, MIN_BOND);
        (, uint256 wrongKey) = makeAddrAndKey("mallory");
        (uint8 v, bytes32 r, bytes32 s) = _permit(wrongKey, MIN_BOND, block.timestamp + 1 hours);

        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(pool), 0, MIN_BOND)
        );
        vm.prank(whistleblower);
        pool.challengeWithPermit(ASSET, MIN_BOND, keccak256("evidence"), block.timestamp + 1 hours, v, r, s);
        assertFalse(pool.isFrozen(ASSET));
    }

    function test_challengeWithPermit_revertsWhenPaused() public {
        _pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(challenger);
        pool.challengeWithPermit(ASSET, MIN_BOND, keccak256("evidence"), block.timestamp, 0, bytes32(0), bytes32(0));
    }

    function test_challenge_emitsChallengeOpened() public {
        vm.expectEmit(address(pool));
        emit IStakingPool.ChallengeOpened(1, ASSET, challenger, MIN_BOND, EVIDENCE, SLASH_BPS, 5_000, 1);
        _challenge(ASSET, MIN_BOND);
    }

    function test_challenge_keepsTermsInForceWhenOpened() public {
        _stake(alice, ASSET, 100e18);
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        vm.startPrank(feeManager);
        pool.setSlashBps(5_000);
        pool.setChallengerShareBps(0);
        vm.stopPrank();

        _resolve(challengeId, true);

        assertEq(pool.assetPool(ASSET).totalStake, 80e18);
        assertEq(stakeToken.balanceOf(challenger), FUNDS + 10e18);
    }

    function test_challenge_setsDeadlineFromChallengePeriod() public {
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        assertEq(pool.challengeOf(challengeId).deadline, block.timestamp + PERIOD);
        assertEq(pool.openChallengeOf(ASSET), challengeId);
        assertEq(pool.openChallengeOf(OTHER_ASSET), 0);
    }

    function test_challenge_keepsDeadlineWhenPeriodChanges() public {
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        vm.prank(feeManager);
        pool.setChallengePeriod(1 days);
        assertEq(pool.challengeOf(challengeId).deadline, block.timestamp + PERIOD);
    }

    function test_challenge_revertsOnZeroBond() public {
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolBondTooSmall.selector, 0, MIN_BOND));
        _challenge(ASSET, 0);
    }

    function test_challenge_revertsWhenChallengeAlreadyOpen() public {
        uint256 first = _challenge(ASSET, MIN_BOND);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPool.StakingPoolChallengeAlreadyOpen.selector, ASSET, first)
        );
        _challenge(ASSET, MIN_BOND * 10);
    }

    function test_challenge_opensOnAnotherAssetWhileOneIsOpen() public {
        _challenge(ASSET, MIN_BOND);
        assertEq(_challenge(OTHER_ASSET, MIN_BOND), 2);
        assertTrue(pool.isFrozen(OTHER_ASSET));
    }

    function test_challenge_opensAgainAfterResolution() public {
        _resolve(_challenge(ASSET, MIN_BOND), false);
        uint256 second = _challenge(ASSET, MIN_BOND);
        assertEq(pool.openChallengeOf(ASSET), second);
        assertEq(pool.assetPool(ASSET).openChallenges, 1);
    }

    function test_challenge_opensAgainAfterLapse() public {
        _lapse(_challenge(ASSET, MIN_BOND));
        assertEq(_challenge(ASSET, MIN_BOND), 2);
    }

    function test_challenge_revertsForUnregisteredAsset() public {
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPool.StakingPoolUnknownAsset.selector, REGISTERED + 1)
        );
        _challenge(REGISTERED + 1, MIN_BOND);
    }

    function test_challenge_revertsForAssetIdZero() public {
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolUnknownAsset.selector, 0));
        _challenge(0, MIN_BOND);
    }

    function test_challenge_acceptsAssetOnceRegistered() public {
        registry.setAssetCount(REGISTERED + 1);
        assertEq(_challenge(REGISTERED + 1, MIN_BOND), 1);
    }

    function test_challenge_revertsOnBondBelowMinimum() public {
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPool.StakingPoolBondTooSmall.selector, MIN_BOND - 1, MIN_BOND)
        );
        _challenge(ASSET, MIN_BOND - 1);
    }

    function test_challenge_revertsOnZeroEvidenceHash() public {
        vm.expectRevert(IStakingPool.StakingPoolZeroEvidenceHash.selector);
        vm.prank(challenger);
        pool.challenge(ASSET, MIN_BOND, bytes32(0));
    }

    function test_challenge_revertsWhenAssetIdOutOfRange() public {
        uint256 tooLarge = uint256(type(uint64).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolUnknownAsset.selector, tooLarge));
        _challenge(tooLarge, MIN_BOND);
    }

    function test_challenge_revertsOnBondAbove128Bits() public {
        uint256 bond = uint256(type(uint128).max) + 1;
        stakeToken.mint(challenger, bond);
        vm.expectRevert();
        _challenge(ASSET, bond);
    }

    function test_challenge_revertsWhenPaused() public {
        _pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        _challenge(ASSET, MIN_BOND);
    }

    // ─────────────────────────────────────────── resolve ───────────────────────────────────────────

    function test_resolve_upheldSlashesActiveAndUnbondingStakeAlike() public {
        _stake(alice, ASSET, 100e18);
        _stake(bob, ASSET, 100e18);
        uint256 entryId = _unstake(bob, ASSET, 100e18);
        uint256 treasuryBefore = stakeToken.balanceOf(treasury);

        _resolve(_challenge(ASSET, MIN_BOND), true);

        assertEq(pool.assetPool(ASSET).totalStake, 160e18);
        assertEq(pool.stakeOf(ASSET, alice), 80e18);
        assertEq(pool.entryValue(entryId), 80e18);
        assertEq(stakeToken.balanceOf(challenger), FUNDS + 20e18); // bond back + half of the 40 slashed
        assertEq(stakeToken.balanceOf(treasury) - treasuryBefore, 20e18);
        assertEq(stakeToken.balanceOf(address(pool)), 160e18);
        assertFalse(pool.isFrozen(ASSET));
        assertEq(uint8(pool.challengeOf(1).status), uint8(IStakingPool.ChallengeStatus.Upheld));
    }

    function test_resolve_upheldEmitsChallengeResolved() public {
        _stake(alice, ASSET, 100e18);
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        vm.expectEmit(address(pool));
        emit IStakingPool.ChallengeResolved(
            challengeId, ASSET, challenger, true, 20e18, MIN_BOND + 10e18, 0, 10e18, 80e18, 0
        );
        _resolve(challengeId, true);
    }

    function test_resolve_upheldOnEmptyAssetReturnsBond() public {
        _resolve(_challenge(ASSET, MIN_BOND), true);
        assertEq(stakeToken.balanceOf(challenger), FUNDS);
        assertEq(stakeToken.balanceOf(treasury), 0);
    }

    function test_resolve_rejectedForfeitsBondToActiveStakers() public {
        _stake(alice, ASSET, 300e18);
        _stake(bob, ASSET, 100e18);
        _unstake(bob, ASSET, 100e18);
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        vm.expectEmit(address(pool));
        emit IStakingPool.RewardNotified(ASSET, address(stakeToken), challenger, MIN_BOND, MIN_BOND * 1e36 / 300e18);
        vm.expectEmit(address(pool));
        emit IStakingPool.ChallengeResolved(challengeId, ASSET, challenger, false, 0, 0, MIN_BOND, 0, 400e18, 0);

        _resolve(challengeId, false);

        // 100e18 / 300e18 per share rounds down, so one wei of the bond stays in the pool as dust.
        assertEq(pool.pendingRewards(ASSET, address(stakeToken), alice), MIN_BOND - 1);
        assertEq(pool.pendingRewards(ASSET, address(stakeToken), bob), 0);
        assertEq(_claim(alice, ASSET, address(stakeToken)), MIN_BOND - 1);
        assertEq(uint8(pool.challengeOf(challengeId).status), uint8(IStakingPool.ChallengeStatus.Rejected));
    }

    function test_resolve_rejectedPaysTreasuryWithoutActiveStakers() public {
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        vm.expectEmit(address(pool));
        emit IStakingPool.ChallengeResolved(challengeId, ASSET, challenger, false, 0, 0, 0, MIN_BOND, 0, 0);
        _resolve(challengeId, false);
        assertEq(stakeToken.balanceOf(treasury), MIN_BOND);
    }

    function test_resolve_rejectedPaysTreasuryWhenAssetTakesNoNewCurrency() public {
        _stake(alice, ASSET, 100e18);
        _fillRewardCurrencies(ASSET);
        _resolve(_challenge(ASSET, MIN_BOND), false);
        assertEq(stakeToken.balanceOf(treasury), MIN_BOND);
    }

    function test_resolve_unfreezesAsset() public {
        _stake(alice, ASSET, 100e18);
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        _expectFrozen(ASSET, 1);
        _stake(alice, ASSET, 1e18);

        _resolve(challengeId, false);

        assertFalse(pool.isFrozen(ASSET));
        assertEq(pool.openChallengeOf(ASSET), 0);
        _stake(alice, ASSET, 1e18);
    }

    function test_resolve_worksOneSecondBeforeDeadline() public {
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        vm.warp(pool.challengeOf(challengeId).deadline - 1);
        _resolve(challengeId, false);
        assertEq(uint8(pool.challengeOf(challengeId).status), uint8(IStakingPool.ChallengeStatus.Rejected));
    }

    function test_resolve_revertsAtDeadline() public {
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        uint64 deadline = pool.challengeOf(challengeId).deadline;
        vm.warp(deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPool.StakingPoolChallengeExpired.selector, challengeId, deadline, deadline)
        );
        _resolve(challengeId, true);
    }

    function test_resolve_revertsWhenLapsed() public {
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        _lapse(challengeId);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingPool.StakingPoolChallengeClosed.selector, challengeId, IStakingPool.ChallengeStatus.Lapsed
            )
        );
        _resolve(challengeId, true);
    }

    function test_resolve_revertsForUnknownChallenge() public {
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolUnknownChallenge.selector, 1));
        _resolve(1, true);
    }

    function test_resolve_revertsWhenAlreadyResolved() public {
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        _resolve(challengeId, false);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingPool.StakingPoolChallengeClosed.selector, challengeId, IStakingPool.ChallengeStatus.Rejected
            )
        );
        _resolve(challengeId, true);
    }

    function test_resolve_revertsWithoutArbiterRole() public {
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        _expectMissingRole(challenger, pool.ARBITER_ROLE());
        vm.prank(challenger);
        pool.resolve(challengeId, true);
    }

    function test_resolve_revertsWhenPaused() public {
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        _pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        _resolve(challengeId, true);
    }

    // ──────────────────────────────────────────── lapse ────────────────────────────────────────────

    function test_lapse_forfeitsBondToActiveStakers() public {
        _stake(alice, ASSET, 100e18);
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        _lapse(challengeId);
        assertEq(pool.pendingRewards(ASSET, address(stakeToken), alice), MIN_BOND);
        assertEq(stakeToken.balanceOf(challenger), FUNDS - MIN_BOND);
        assertEq(uint8(pool.challengeOf(challengeId).status), uint8(IStakingPool.ChallengeStatus.Lapsed));
    }

    function test_lapse_emitsRewardNotifiedAndChallengeLapsed() public {
        _stake(alice, ASSET, 100e18);
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        vm.warp(pool.challengeOf(challengeId).deadline);
        vm.expectEmit(address(pool));
        emit IStakingPool.RewardNotified(ASSET, address(stakeToken), challenger, MIN_BOND, MIN_BOND * 1e36 / 100e18);
        vm.expectEmit(address(pool));
        emit IStakingPool.ChallengeLapsed(challengeId, ASSET, challenger, MIN_BOND, 0, 0);
        pool.lapse(challengeId);
    }

    function test_lapse_paysTreasuryWithoutActiveStakers() public {
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        vm.warp(pool.challengeOf(challengeId).deadline);
        vm.expectEmit(address(pool));
        emit IStakingPool.ChallengeLapsed(challengeId, ASSET, challenger, 0, MIN_BOND, 0);
        pool.lapse(challengeId);
        assertEq(stakeToken.balanceOf(treasury), MIN_BOND);
        assertEq(stakeToken.balanceOf(address(pool)), 0);
    }

    function test_lapse_unfreezesAsset() public {
        _stake(alice, ASSET, 100e18);
        _lapse(_challenge(ASSET, MIN_BOND));
        assertFalse(pool.isFrozen(ASSET));
        assertEq(pool.assetPool(ASSET).openChallenges, 0);
        assertEq(pool.openChallengeOf(ASSET), 0);
        _stake(bob, ASSET, 1e18);
    }

    function test_lapse_leavesStakeUntouched() public {
        _stake(alice, ASSET, 100e18);
        _lapse(_challenge(ASSET, MIN_BOND));
        assertEq(pool.assetPool(ASSET).totalStake, 100e18);
        assertEq(pool.stakeOf(ASSET, alice), 100e18);
    }

    function test_lapse_isOpenToAnyone() public {
        _stake(alice, ASSET, 100e18);
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        vm.warp(pool.challengeOf(challengeId).deadline);
        vm.prank(alice);
        pool.lapse(challengeId);
        assertFalse(pool.isFrozen(ASSET));
    }

    function test_lapse_revertsBeforeDeadline() public {
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        uint64 deadline = pool.challengeOf(challengeId).deadline;
        vm.warp(deadline - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingPool.StakingPoolChallengeNotExpired.selector, challengeId, deadline, deadline - 1
            )
        );
        pool.lapse(challengeId);
    }

    function test_lapse_revertsForUnknownChallenge() public {
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolUnknownChallenge.selector, 7));
        pool.lapse(7);
    }

    function test_lapse_revertsWhenResolved() public {
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        _resolve(challengeId, true);
        vm.warp(block.timestamp + PERIOD);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingPool.StakingPoolChallengeClosed.selector, challengeId, IStakingPool.ChallengeStatus.Upheld
            )
        );
        pool.lapse(challengeId);
    }

    function test_lapse_revertsWhenAlreadyLapsed() public {
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        _lapse(challengeId);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingPool.StakingPoolChallengeClosed.selector, challengeId, IStakingPool.ChallengeStatus.Lapsed
            )
        );
        pool.lapse(challengeId);
    }

    function test_lapse_revertsWhenPaused() public {
        uint256 challengeId = _challenge(ASSET, MIN_BOND);
        vm.warp(block.timestamp + PERIOD);
        _pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.lapse(challengeId);
    }

    // ──────────────────────────────────────────── admin ────────────────────────────────────────────

    function test_setSlashBps_updatesAndEmits() public {
        vm.expectEmit(address(pool));
        emit IStakingPool.SlashBpsUpdated(SLASH_BPS, 5_000);
        vm.prank(feeManager);
        pool.setSlashBps(5_000);
        assertEq(pool.slashBps(), 5_000);
    }

    function test_setSlashBps_revertsAboveCap() public {
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolBpsAboveCap.selector, 5_001, 5_000));
        vm.prank(feeManager);
        pool.setSlashBps(5_001);
    }

    function test_setSlashBps_revertsWithoutRole() public {
        _expectMissingRole(admin, pool.FEE_MANAGER_ROLE());
        vm.prank(admin);
        pool.setSlashBps(1);
    }

    function test_setChallengerShareBps_updatesAndEmits() public {
        vm.expectEmit(address(pool));
        emit IStakingPool.ChallengerShareBpsUpdated(5_000, 10_000);
        vm.prank(feeManager);
        pool.setChallengerShareBps(10_000);
        assertEq(pool.challengerShareBps(), 10_000);
    }

    function test_setChallengerShareBps_revertsAboveCap() public {
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolBpsAboveCap.selector, 10_001, 10_000));
        vm.prank(feeManager);
        pool.setChallengerShareBps(10_001);
    }

    function test_setChallengerShareBps_revertsWithoutRole() public {
        _expectMissingRole(alice, pool.FEE_MANAGER_ROLE());
        vm.prank(alice);
        pool.setChallengerShareBps(1);
    }

    function test_setMinBond_updatesAndEmits() public {
        vm.expectEmit(address(pool));
        emit IStakingPool.MinBondUpdated(MIN_BOND, 1e18);
        vm.prank(feeManager);
        pool.setMinBond(1e18);
        assertEq(pool.minBond(), 1e18);
    }

    function test_setMinBond_revertsOnZero() public {
        vm.expectRevert(IStakingPool.StakingPoolZeroAmount.selector);
        vm.prank(feeManager);
        pool.setMinBond(0);
    }

    function test_setMinBond_revertsAbove128Bits() public {
        vm.expectRevert();
        vm.prank(feeManager);
        pool.setMinBond(uint256(type(uint128).max) + 1);
    }

    function test_setMinBond_appliesToNewChallenges() public {
        vm.prank(feeManager);
        pool.setMinBond(MIN_BOND * 2);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPool.StakingPoolBondTooSmall.selector, MIN_BOND, MIN_BOND * 2)
        );
        _challenge(ASSET, MIN_BOND);
    }

    function test_setChallengePeriod_updatesAndEmits() public {
        vm.expectEmit(address(pool));
        emit IStakingPool.ChallengePeriodUpdated(PERIOD, 3 days);
        vm.prank(feeManager);
        pool.setChallengePeriod(3 days);
        assertEq(pool.challengePeriod(), 3 days);
        assertEq(pool.challengeOf(_challenge(ASSET, MIN_BOND)).deadline, block.timestamp + 3 days);
    }

    function test_setChallengePeriod_revertsBelowMinimum() public {
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPool.StakingPoolChallengePeriodOutOfRange.selector, 0, 1 days, 90 days)
        );
        vm.prank(feeManager);
        pool.setChallengePeriod(0);
    }

    function test_setChallengePeriod_revertsAboveMaximum() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingPool.StakingPoolChallengePeriodOutOfRange.selector, 91 days, 1 days, 90 days
            )
        );
        vm.prank(feeManager);
        pool.setChallengePeriod(91 days);
    }

    function test_setChallengePeriod_revertsWithoutRole() public {
        _expectMissingRole(alice, pool.FEE_MANAGER_ROLE());
        vm.prank(alice);
        pool.setChallengePeriod(2 days);
    }

    function test_setMinBond_revertsWithoutRole() public {
        _expectMissingRole(alice, pool.FEE_MANAGER_ROLE());
        vm.prank(alice);
        pool.setMinBond(1);
    }

    function test_setUnbondingDelay_updatesAndEmits() public {
        vm.expectEmit(address(pool));
        emit IStakingPool.UnbondingDelayUpdated(DELAY, 0);
        vm.prank(feeManager);
        pool.setUnbondingDelay(0);
        assertEq(pool.unbondingDelay(), 0);
    }

    function test_setUnbondingDelay_revertsAboveCap() public {
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPool.StakingPoolUnbondingDelayAboveCap.selector, 365 days + 1, 365 days)
        );
        vm.prank(feeManager);
        pool.setUnbondingDelay(365 days + 1);
    }

    function test_setUnbondingDelay_revertsWithoutRole() public {
        _expectMissingRole(alice, pool.FEE_MANAGER_ROLE());
        vm.prank(alice);
        pool.setUnbondingDelay(1);
    }

    function test_setTreasury_updatesAndEmits() public {
        address newTreasury = makeAddr("newTreasury");
        vm.expectEmit(address(pool));
        emit IStakingPool.TreasuryUpdated(treasury, newTreasury);
        vm.prank(feeManager);
        pool.setTreasury(newTreasury);
        assertEq(pool.treasury(), newTreasury);
    }

    function test_setTreasury_revertsOnZeroAddress() public {
        vm.expectRevert(IStakingPool.StakingPoolZeroAddress.selector);
        vm.prank(feeManager);
        pool.setTreasury(address(0));
    }

    function test_setTreasury_revertsWithoutRole() public {
        _expectMissingRole(alice, pool.FEE_MANAGER_ROLE());
        vm.prank(alice);
        pool.setTreasury(alice);
    }

    function test_pause_revertsWithoutRole() public {
        _expectMissingRole(alice, pool.PAUSER_ROLE());
        vm.prank(alice);
        pool.pause();
    }

    function test_unpause_reopensMoneyPaths() public {
        _pause();
        assertTrue(pool.paused());
        vm.prank(pauser);
        pool.unpause();
        assertFalse(pool.paused());
        _stake(alice, ASSET, 1e18);
    }

    function test_unpause_revertsWithoutRole() public {
        _pause();
        _expectMissingRole(alice, pool.PAUSER_ROLE());
        vm.prank(alice);
        pool.unpause();
    }

    // ──────────────────────────────────────────── views ────────────────────────────────────────────

    function test_acceptsReward_requiresActiveStakeAndRoomForCurrency() public {
        assertFalse(pool.acceptsReward(ASSET, ETH));
        _stake(alice, ASSET, 1e18);
        assertTrue(pool.acceptsReward(ASSET, ETH));
        _fillRewardCurrencies(ASSET);
        assertFalse(pool.acceptsReward(ASSET, ETH));
        assertTrue(pool.acceptsReward(ASSET, pool.rewardCurrencies(ASSET)[0]));
    }

    // ────────────────────────────────────────── TestToken ──────────────────────────────────────────

    function test_testToken_mintsToAnyoneWithTheGivenDecimals() public {
        vm.prank(makeAddr("anyone"));
        usdc.mint(bob, 5e6);
        assertEq(usdc.balanceOf(bob), FUNDS + 5e6);
        assertEq(usdc.decimals(), 6);
        assertEq(stakeToken.decimals(), 18);
        assertEq(stakeToken.symbol(), "TSR");
    }

    function test_entryValue_isZeroForUnknownEntry() public view {
        uint256 neverStarted = pool.entryIdOf(alice, ASSET, 0);
        assertEq(pool.entryValue(neverStarted), 0);
        assertEq(pool.unbondingEntry(neverStarted).owner, address(0));
        assertEq(pool.stakeOf(ASSET, alice), 0);
    }
}
