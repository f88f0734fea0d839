// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @dev Stands in for the asset registry in StakingPool tests: the pool only asks how many assets
///      exist (ids are sequential from 1), to refuse challenges on ids that were never registered.
contract MockAssetCount {
    uint256 public assetCount;

    constructor(uint256 count) {
        assetCount = count;
    }

    function setAssetCount(uint256 count) external {
        assetCount = count;
    }
}
