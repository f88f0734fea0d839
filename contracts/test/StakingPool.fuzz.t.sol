// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IStakingPool} from "../src/interfaces/IStakingPool.sol";
import {StakingPoolFixture} from "./StakingPool.t.sol";

/// The money paths over fuzzed amounts: no path creates tokens, and every rounding stays within
/// one unit of the exact figure, in the pool's favour.
contract StakingPoolFuzzTest is StakingPoolFixture {
    uint256 internal constant MAX_STAKE = 1e27;

    function _slash(uint256 bps) internal {
        vm.prank(feeManager);
        pool.setSlashBps(uint16(bps));
        _resolve(_challenge(ASSET, MIN_BOND), true);
    }

    function testFuzz_stake_mintsSharesWorthTheAmountLessAtMostOneUnit(
        uint256 first,
        uint256 second,
        uint256 slashBps
    ) public {
        first = bound(first, 1, MAX_STAKE);
        second = bound(second, 1, MAX_STAKE);
        _stake(alice, ASSET, first);
        _slash(bound(slashBps, 0, 5_000));
        uint256 aliceBefore = pool.stakeOf(ASSET, alice);

        _stake(bob, ASSET, second);

        assertLe(pool.stakeOf(ASSET, bob), second);
        assertApproxEqAbs(pool.stakeOf(ASSET, bob), second, 1);
        assertGe(pool.stakeOf(ASSET, alice), aliceBefore); // a new stake never dilutes the others
    }

    function testFuzz_unstakeWithdraw_returnsExactlyTheAmountWithoutSlash(uint256 staked, uint256 amount) public {
        staked = bound(staked, 1, MAX_STAKE);
        amount = bound(amount, 1, staked);
        _stake(bob, ASSET, 3e18);
        _stake(alice, ASSET, staked);

        uint256 entryId = _unstake(alice, ASSET, amount);
        vm.warp(block.timestamp + DELAY);

        assertEq(_withdraw(alice, entryId), amount);
        assertEq(pool.stakeOf(ASSET, alice), staked - amount);
        assertEq(stakeToken.balanceOf(address(pool)), 3e18 + staked - amount);
    }

    function testFuzz_unstake_entryWorthAtLeastTheAmountAndNoValueCreated(
        uint256 staked,
        uint256 slashBps,
        uint256 amount
    ) public {
        staked = bound(staked, 1, MAX_STAKE);
        _stake(bob, ASSET, 7);
        _stake(alice, ASSET, staked);
        _slash(bound(slashBps, 0, 5_000));
        uint256 before = pool.stakeOf(ASSET, alice);
        vm.assume(before != 0);
        amount = bound(amount, 1, before);

        uint256 entryId = _unstake(alice, ASSET, amount);

        uint256 entryValue = pool.entryValue(entryId);
        assertGe(entryValue, amount);
        assertLe(entryValue + pool.stakeOf(ASSET, alice), before);
        assertApproxEqAbs(entryValue + pool.stakeOf(ASSET, alice), before, 1);
    }

    function testFuzz_resolve_upheldSlashesActiveAndUnbondingSharesAlike(
        uint256 aliceStake,
        uint256 bobStake,
        uint256 slashBps,
        uint256 shareBps,
        uint256 bond
    ) public {
        aliceStake = bound(aliceStake, 1, MAX_STAKE);
        bobStake = bound(bobStake, 1, MAX_STAKE);
        slashBps = bound(slashBps, 0, 5_000);
        bond = bound(bond, MIN_BOND, MAX_STAKE);
        vm.startPrank(feeManager);
        pool.setSlashBps(uint16(slashBps));
        pool.setChallengerShareBps(uint16(bound(shareBps, 0, 10_000)));
        vm.stopPrank();
        _stake(alice, ASSET, aliceStake);
        _stake(bob, ASSET, bobStake);
        uint256 entryId = _unstake(bob, ASSET, bobStake);
        uint256 total = aliceStake + bobStake;

        _resolve(_challenge(ASSET, bond), true);

        uint256 slashed = total * slashBps / 10_000;
        uint256 remaining = pool.assetPool(ASSET).totalStake;
        assertEq(remaining, total - slashed);
        assertApproxEqAbs(pool.stakeOf(ASSET, alice), aliceStake * remaining / total, 1);
        assertApproxEqAbs(pool.entryValue(entryId), bobStake * remaining / total, 1);
        assertEq(stakeToken.balanceOf(address(pool)), remaining);
        uint256 paidOut = stakeToken.balanceOf(challenger) + stakeToken.balanceOf(treasury) - FUNDS;
        assertEq(paidOut, slashed); // the slash goes to the challenger and the treasury, nothing more
    }

    function testFuzz_notifyReward_splitsProRataToActiveStake(
        uint256 aliceStake,
        uint256 bobStake,
        uint256 reward,
        bool inEth
    ) public {
        aliceStake = bound(aliceStake, 1, MAX_STAKE);
        bobStake = bound(bobStake, 1, MAX_STAKE);
        reward = bound(reward, 1, 1e30);
        address currency = inEth ? ETH : address(usdc);
        _stake(alice, ASSET, aliceStake);
        _stake(bob, ASSET, bobStake);

        _notify(ASSET, currency, reward);

        uint256 toAlice = pool.pendingRewards(ASSET, currency, alice);
        uint256 toBob = pool.pendingRewards(ASSET, currency, bob);
        assertLe(toAlice + toBob, reward);
        assertApproxEqAbs(toAlice + toBob, reward, 2);
        assertApproxEqAbs(toAlice, reward * aliceStake / (aliceStake + bobStake), 1);
    }

    function testFuzz_claimRewards_neverPaysMoreThanNotified(
        uint256[4] memory stakes,
        uint256[4] memory rewards,
        uint8 unstakePattern
    ) public {
        uint256 notified;
        for (uint256 i; i < 4; ++i) {
            address staker = i % 2 == 0 ? alice : bob;
            _stake(staker, ASSET, bound(stakes[i], 1, MAX_STAKE));
            rewards[i] = bound(rewards[i], 1, FUNDS / 4);
            _notify(ASSET, address(usdc), rewards[i]);
            notified += rewards[i];
            uint256 half = pool.stakeOf(ASSET, staker) / 2;
            if ((unstakePattern >> i) & 1 == 1 && half != 0) _unstake(staker, ASSET, half);
        }

        uint256 claimed = _claim(alice, ASSET, address(usdc)) + _claim(bob, ASSET, address(usdc));

        assertLe(claimed, notified);
        // Dust: under one unit per notify (4), under two per settlement (4 stakes, up to 4 unstakes),
        // under one per final claim (2).
        assertApproxEqAbs(claimed, notified, 22);
        assertEq(usdc.balanceOf(address(pool)), notified - claimed);
    }

    function testFuzz_fullExit_returnsEveryStakeTokenExceptRewardDust(
        uint256 aliceStake,
        uint256 bobStake,
        uint256 slashBps,
        bool upheld
    ) public {
        aliceStake = bound(aliceStake, 1, MAX_STAKE);
        bobStake = bound(bobStake, 1, MAX_STAKE);
        vm.prank(feeManager);
        pool.setSlashBps(uint16(bound(slashBps, 0, 5_000)));
        _stake(alice, ASSET, aliceStake);
        _stake(bob, ASSET, bobStake);
        _resolve(_challenge(ASSET, MIN_BOND), upheld);

        // A share worth less than one unit cannot be unstaked while others hold the rest, but the
        // last holder redeems whatever is left: exiting alice again after bob takes her remainder.
        _exit(alice);
        _exit(bob);
        _exit(alice);

        IStakingPool.AssetPool memory state = pool.assetPool(ASSET);
        assertEq(state.totalStake, 0);
        assertEq(state.totalShares, 0);
        // Only reward dust may stay: under one unit for the forfeited bond's notify, under two for
        // each of the three settlements (the unstakes).
        assertLe(stakeToken.balanceOf(address(pool)), 7);
    }

    function _exit(address staker) internal {
        uint256 value = pool.stakeOf(ASSET, staker);
        if (value != 0) _withdrawAfterDelay(staker, _unstake(staker, ASSET, value));
        _claim(staker, ASSET, address(stakeToken));
    }

    function _withdrawAfterDelay(address staker, uint256 entryId) internal {
        vm.warp(pool.unbondingEntry(entryId).releaseTime);
        _withdraw(staker, entryId);
    }

    function testFuzz_notifyReward_revertsUnlessEthValueMatches(uint256 amount, uint256 value) public {
        amount = bound(amount, 1, 1e30);
        value = bound(value, 0, 1e30);
        vm.assume(value != amount);
        _stake(alice, ASSET, 1e18);
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.StakingPoolEthAmountMismatch.selector, amount, value));
        vm.prank(notifier);
        pool.notifyReward{value: value}(ASSET, ETH, amount);
    }
}
