// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ICuratorRewards} from "../../src/interfaces/ICuratorRewards.sol";

/// @dev Stands in for the staking pool in LicenseManager tests: stakers on/off per asset, and it
///      receives rewards exactly as the pool does (ETH as value, ERC-20 pulled from the caller, a
///      zero amount refused).
contract MockCuratorRewards is ICuratorRewards {
    mapping(uint256 => bool) public staked;
    mapping(address => uint256) public received;

    function setStaked(uint256 assetId, bool value) external {
        staked[assetId] = value;
    }

    function acceptsReward(uint256 assetId, address) external view returns (bool) {
        return staked[assetId];
    }

    function notifyReward(uint256, address currency, uint256 amount) external payable {
        require(amount != 0, "zero reward"); // as the pool: StakingPoolZeroAmount
        if (currency == address(0)) require(msg.value == amount, "value");
        else IERC20(currency).transferFrom(msg.sender, address(this), amount);
        received[currency] += amount;
    }
}
