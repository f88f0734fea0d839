// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IRevenueVault
/// @notice Where sale proceeds wait until shareholders claim them. The LicenseManager is the vault:
///         a payment stays where it arrived and RoyaltyShares only keeps the books, so a sale moves
///         tokens once (buyer to vault) instead of once per recipient.
interface IRevenueVault {
    /// @notice Pays out claimed revenue. Only the RoyaltyShares contract, after it has debited the
    ///         claimant's position.
    /// @param currency address(0) for ETH, else the ERC-20.
    /// @param to The recipient.
    /// @param amount What to pay.
    function release(address currency, address to, uint256 amount) external;
}
