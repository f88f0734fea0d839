// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {StakingPool} from "../src/StakingPool.sol";
import {TestToken} from "../src/dev/TestToken.sol";
import {IAssetRegistry} from "../src/interfaces/IAssetRegistry.sol";
import {IStakingPool} from "../src/interfaces/IStakingPool.sol";
import {StakingPoolHandler} from "./handlers/StakingPoolHandler.sol";
import {MockAssetCount} from "./mocks/MockAssetCount.sol";

/// The pool's books balance after any sequence of stakes, unstakes, withdrawals, rewards, claims,
/// challenges, resolutions (upheld at the maximum slash, to stress the share price) and lapses.
contract StakingPoolInvariantTest is Test {
    StakingPool internal pool;
    TestToken internal stakeToken;
    TestToken internal usdc;
    StakingPoolHandler internal handler;

    address internal constant ETH = address(0);

    function setUp() public {
        address admin = makeAddr("admin");
        stakeToken = new TestToken("Tessera Stake", "TSR", 18);
        usdc = new TestToken("Test USD", "tUSD", 6);
        IAssetRegistry registry = IAssetRegistry(address(new MockAssetCount(3)));
        // A short challenge period, so that the handler's warps make challenges lapse.
        pool = new StakingPool(admin, stakeToken, registry, makeAddr("treasury"), 1 days, 5_000, 1e18, 1 days);
        handler = new StakingPoolHandler(pool, stakeToken, usdc);

        vm.startPrank(admin);
        pool.grantRole(pool.REWARD_NOTIFIER_ROLE(), address(handler));
        pool.grantRole(pool.ARBITER_ROLE(), address(handler));
        vm.stopPrank();

        bytes4[] memory selectors = new bytes4[](10);
        selectors[0] = StakingPoolHandler.stake.selector;
        selectors[1] = StakingPoolHandler.unstake.selector;
        selectors[2] = StakingPoolHandler.withdraw.selector;
        selectors[3] = StakingPoolHandler.notifyReward.selector;
        selectors[4] = StakingPoolHandler.claimRewards.selector;
        selectors[5] = StakingPoolHandler.challenge.selector;
        selectors[6] = StakingPoolHandler.resolve.selector;
        selectors[7] = StakingPoolHandler.warp.selector;
        selectors[8] = StakingPoolHandler.stake.selector; // staking twice as likely keeps pools populated
        selectors[9] = StakingPoolHandler.lapse.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    /// Stake tokens are conserved exactly: the pool holds every asset's stake (active and
    /// unbonding), every open bond and every stake-token reward not yet claimed.
    function invariant_stakeTokenBalanceEqualsStakePlusBondsPlusUnclaimedRewards() public view {
        address token = address(stakeToken);
        uint256 unclaimed = handler.ghostNotified(token) - handler.ghostClaimed(token);
        assertEq(stakeToken.balanceOf(address(pool)), _sumTotalStake() + handler.ghostOpenBonds() + unclaimed);
    }

    /// What stakers can claim never exceeds what the pool holds for them, and the difference (reward
    /// rounding dust, always in the pool's favour) stays below one unit per rounding.
    function invariant_claimableRewardsAreBackedWithBoundedDust() public view {
        address[] memory currencies = handler.allCurrencies();
        uint256 maxDust = handler.ghostRoundings() + handler.actorCount() * handler.allAssetIds().length;
        for (uint256 i; i < currencies.length; ++i) {
            uint256 held = handler.ghostNotified(currencies[i]) - handler.ghostClaimed(currencies[i]);
            uint256 claimable = _sumPending(currencies[i]);
            assertLe(claimable, held, "claimable exceeds held rewards");
            assertLe(held - claimable, maxDust, "reward dust above bound");
        }
        assertEq(address(pool).balance, handler.ghostNotified(ETH) - handler.ghostClaimed(ETH));
        assertEq(usdc.balanceOf(address(pool)), handler.ghostNotified(address(usdc)) - handler.ghostClaimed(address(usdc)));
    }

    /// Nobody is ever paid more than was credited, in any currency.
    function invariant_claimedNeverExceedsNotified() public view {
        address[] memory currencies = handler.allCurrencies();
        for (uint256 i; i < currencies.length; ++i) {
            assertLe(handler.ghostClaimed(currencies[i]), handler.ghostNotified(currencies[i]));
        }
    }

    /// Stakers' active shares add up to the asset's active shares, and those plus the open entries'
    /// shares add up to its total shares.
    function invariant_sharesAddUpToAssetTotals() public view {
        uint256[] memory assetIds = handler.allAssetIds();
        address[] memory actors = handler.allActors();
        for (uint256 a; a < assetIds.length; ++a) {
            IStakingPool.AssetPool memory state = pool.assetPool(assetIds[a]);
            uint256 active;
            for (uint256 i; i < actors.length; ++i) {
                active += pool.sharesOf(assetIds[a], actors[i]);
            }
            assertEq(active, state.activeShares, "active shares");
            assertEq(active + _entryShares(assetIds[a]), state.totalShares, "total shares");
        }
    }

    /// A share is never worth more than one stake-token unit (slashes only lower the price), and an
    /// asset has stake exactly when it has shares, so no stake is stranded without owners.
    function invariant_sharesBackedByStake() public view {
        uint256[] memory assetIds = handler.allAssetIds();
        for (uint256 a; a < assetIds.length; ++a) {
            IStakingPool.AssetPool memory state = pool.assetPool(assetIds[a]);
            assertLe(state.totalStake, state.totalShares);
            assertEq(state.totalStake == 0, state.totalShares == 0);
        }
    }

    /// An asset is frozen exactly while a challenge on it is open, and never by more than one.
    function invariant_frozenWhileChallengeOpen() public view {
        uint256[] memory assetIds = handler.allAssetIds();
        uint256[] memory open = handler.openChallenges();
        for (uint256 a; a < assetIds.length; ++a) {
            uint256 count;
            for (uint256 i; i < open.length; ++i) {
                if (pool.challengeOf(open[i]).assetId == assetIds[a]) ++count;
            }
            assertLe(count, 1, "one open challenge per asset");
            assertEq(pool.assetPool(assetIds[a]).openChallenges, count);
            assertEq(pool.isFrozen(assetIds[a]), count != 0);
            assertEq(pool.openChallengeOf(assetIds[a]) != 0, count != 0);
        }
    }

    function _sumTotalStake() internal view returns (uint256 sum) {
        uint256[] memory assetIds = handler.allAssetIds();
        for (uint256 a; a < assetIds.length; ++a) {
            sum += pool.assetPool(assetIds[a]).totalStake;
        }
    }

    function _sumPending(address currency) internal view returns (uint256 sum) {
        uint256[] memory assetIds = handler.allAssetIds();
        address[] memory actors = handler.allActors();
        for (uint256 a; a < assetIds.length; ++a) {
            for (uint256 i; i < actors.length; ++i) {
                sum += pool.pendingRewards(assetIds[a], currency, actors[i]);
            }
        }
    }

    function _entryShares(uint256 assetId) internal view returns (uint256 sum) {
        uint256[] memory entries = handler.openEntries();
        for (uint256 i; i < entries.length; ++i) {
            IStakingPool.UnbondingEntry memory entry = pool.unbondingEntry(entries[i]);
            if (entry.assetId == assetId) sum += entry.shares;
        }
    }
}
