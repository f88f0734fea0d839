// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC7821} from "@openzeppelin/contracts/account/extensions/draft-ERC7821.sol";
import {ERC1155Holder} from "@openzeppelin/contracts/token/ERC1155/utils/ERC1155Holder.sol";
import {ERC721Holder} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Holder.sol";

/// @title BatchExecutor
/// @notice The code a test wallet's account delegates to with EIP-7702 so that it can answer
///         EIP-5792 `wallet_sendCalls` atomically: one transaction the account sends to itself,
///         `execute(mode, calls)`, runs every call with the account as `msg.sender`, and any failing
///         call reverts them all. Only the account itself may execute (OpenZeppelin's ERC-7821
///         default), so a stranger calling the delegated address gets `AccountUnauthorized`.
/// @dev Stateless: it holds no storage, so delegating to it cannot clash with another delegate's
///      storage layout. Batch mode only (`0x01000000000000000000…`), no `opData`. A delegated
///      account has code, so token contracts ask it whether it accepts safe transfers: it accepts
///      ERC-721 and ERC-1155 tokens (the asset token and the revenue shares a registration mints),
///      as real wallets' delegates do. For local chains and tests; a real wallet brings its own
///      audited delegate.
contract BatchExecutor is ERC7821, ERC721Holder, ERC1155Holder {
    /// @notice Accepts ETH sent to the delegated account (a payout or a refund to its owner).
    receive() external payable {}
}
