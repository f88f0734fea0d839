// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {StakingPoolFixture} from "./StakingPool.t.sol";

/// Gas of the hot paths as whole transactions: 21,000 + calldata + the call's execution gas (each
/// test makes one call on storage that setUp left cold, as a fresh transaction finds it). The
/// budget is 120,000 per transaction for stake, unstake and a one-pair claim on an asset with one
/// reward currency; each further currency of the asset adds a reward-debt slot to a stake change
/// (about 5,000 gas, or 22,100 the first time), so those cases are recorded, not budgeted.
/// `hardhat test solidity --snapshot` writes the figures under the group "StakingPool".
contract StakingPoolGasTest is StakingPoolFixture {
    uint256 internal constant BUDGET = 120_000;

    address internal carol = makeAddr("carol");
    uint256 internal bobEntry;

    function setUp() public override {
        super.setUp();
        _fund(carol);
        // Stakers hold ETH (they pay for gas): paying ETH to an empty account would cost 25,000 more.
        vm.deal(alice, 1 ether);
        vm.deal(bob, 1 ether);
        _stake(alice, ASSET, 100e18);
        _stake(bob, ASSET, 100e18);
        _notify(ASSET, ETH, 1 ether); // ASSET: one reward currency
        _stake(alice, OTHER_ASSET, 100e18);
        _stake(bob, OTHER_ASSET, 100e18);
        _notify(OTHER_ASSET, ETH, 1 ether); // OTHER_ASSET: two
        _notify(OTHER_ASSET, address(usdc), 100e6);
        bobEntry = _unstake(bob, OTHER_ASSET, 10e18);
        vm.warp(block.timestamp + DELAY);
    }

    function test_gas_stake_newStakerOneCurrency() public {
        vm.prank(carol);
        pool.stake(ASSET, 10e18);
        assertLe(_txGas("stake_newStaker_1currency", abi.encodeCall(pool.stake, (ASSET, 10e18))), BUDGET);
    }

    function test_gas_stake_topUpWithRewardsSinceLastOneCurrency() public {
        vm.prank(bob);
        pool.stake(ASSET, 10e18);
        assertLe(_txGas("stake_topUp_1currency", abi.encodeCall(pool.stake, (ASSET, 10e18))), BUDGET);
    }

    function test_gas_stake_newStakerTwoCurrencies() public {
        vm.prank(carol);
        pool.stake(OTHER_ASSET, 10e18);
        _txGas("stake_newStaker_2currencies", abi.encodeCall(pool.stake, (OTHER_ASSET, 10e18)));
    }

    function test_gas_stake_topUpWithRewardsSinceLastTwoCurrencies() public {
        vm.prank(alice);
        pool.stake(OTHER_ASSET, 10e18);
        _txGas("stake_topUp_2currencies", abi.encodeCall(pool.stake, (OTHER_ASSET, 10e18)));
    }

    function test_gas_unstake_oneCurrency() public {
        vm.prank(bob);
        pool.unstake(ASSET, 10e18);
        assertLe(_txGas("unstake_1currency", abi.encodeCall(pool.unstake, (ASSET, 10e18))), BUDGET);
    }

    function test_gas_unstake_twoCurrencies() public {
        vm.prank(alice);
        pool.unstake(OTHER_ASSET, 10e18);
        _txGas("unstake_2currencies", abi.encodeCall(pool.unstake, (OTHER_ASSET, 10e18)));
    }

    function test_gas_withdraw() public {
        vm.prank(bob);
        pool.withdraw(bobEntry);
        _txGas("withdraw", abi.encodeCall(pool.withdraw, (bobEntry)));
    }

    function test_gas_claimRewards_onePairEth() public {
        (uint256[] memory assetIds, address[] memory currencies) = _pairs(1);
        vm.prank(alice);
        pool.claimRewards(assetIds, currencies, alice);
        bytes memory data = abi.encodeCall(pool.claimRewards, (assetIds, currencies, alice));
        assertLe(_txGas("claimRewards_1pair_eth", data), BUDGET);
    }

    function test_gas_claimRewards_onePairErc20() public {
        (uint256[] memory assetIds, address[] memory currencies) = _pairs(1);
        (assetIds[0], currencies[0]) = (OTHER_ASSET, address(usdc));
        vm.prank(alice);
        pool.claimRewards(assetIds, currencies, alice);
        bytes memory data = abi.encodeCall(pool.claimRewards, (assetIds, currencies, alice));
        assertLe(_txGas("claimRewards_1pair_erc20", data), BUDGET);
    }

    /// Recorded, not budgeted: each pair's first claim writes a new reward-debt slot (~22,100 gas).
    function test_gas_claimRewards_threePairsFirstClaims() public {
        (uint256[] memory assetIds, address[] memory currencies) = _pairs(3);
        vm.prank(alice);
        pool.claimRewards(assetIds, currencies, alice);
        _txGas("claimRewards_3pairs_firstClaims", abi.encodeCall(pool.claimRewards, (assetIds, currencies, alice)));
    }

    /// (ASSET, ETH), (OTHER_ASSET, ETH), (OTHER_ASSET, USDC), cut to `count` pairs.
    function _pairs(uint256 count) internal view returns (uint256[] memory assetIds, address[] memory currencies) {
        assetIds = new uint256[](count);
        currencies = new address[](count);
        uint256[3] memory ids = [ASSET, OTHER_ASSET, OTHER_ASSET];
        address[3] memory paid = [ETH, ETH, address(usdc)];
        for (uint256 i; i < count; ++i) {
            (assetIds[i], currencies[i]) = (ids[i], paid[i]);
        }
    }

    /// The last call's execution gas plus what a transaction carrying `data` pays up front.
    function _txGas(string memory name, bytes memory data) internal returns (uint256) {
        return vm.snapshotGasLastCall("StakingPool", name) + 21_000 + _calldataGas(data);
    }

    /// EIP-2028: 4 gas per zero byte of calldata, 16 per other byte.
    function _calldataGas(bytes memory data) internal pure returns (uint256 gas) {
        for (uint256 i; i < data.length; ++i) {
            gas += data[i] == 0 ? 4 : 16;
        }
    }
}
