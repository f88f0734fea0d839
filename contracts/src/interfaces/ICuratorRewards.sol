// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ICuratorRewards
/// @notice What the LicenseManager needs from the staking pool: whether anyone vouches for an asset,
///         and a way to hand the curator share of a sale to those who do.
interface ICuratorRewards {
    /// @notice Whether a reward in `currency` can be distributed to the asset's stakers now (there is
    ///         active stake, and the asset's reward-currency list has room for it).
    /// @param assetId The asset.
    /// @param currency address(0) for ETH, else the ERC-20.
    /// @return True when notifyReward would accept it.
    function acceptsReward(uint256 assetId, address currency) external view returns (bool);

    /// @notice Distributes a reward to the asset's stakers. ETH comes as msg.value; an ERC-20 is
    ///         pulled from the caller with transferFrom.
    /// @param assetId The asset.
    /// @param currency address(0) for ETH, else the ERC-20.
    /// @param amount The reward.
    function notifyReward(uint256 assetId, address currency, uint256 amount) external payable;
}
