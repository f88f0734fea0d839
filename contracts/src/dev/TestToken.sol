// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title TestToken
/// @notice A faucet ERC-20 with EIP-2612 permit for local chains and tests: the stake token and a
///         test stablecoin. Anyone can mint. Never deploy it where its tokens could be taken for money.
contract TestToken is ERC20, ERC20Permit {
    uint8 private immutable _DECIMALS;

    /// @notice Deploys a token with no supply.
    /// @param name_ The token's name (also its EIP-712 domain name).
    /// @param symbol_ The token's symbol.
    /// @param decimals_ The token's decimals (18 for the stake token, 6 for a USDC-like stablecoin).
    constructor(string memory name_, string memory symbol_, uint8 decimals_)
        ERC20(name_, symbol_)
        ERC20Permit(name_)
    {
        _DECIMALS = decimals_;
    }

    /// @notice Mints `amount` to `to`, for anyone: it is a faucet.
    /// @param to The recipient.
    /// @param amount Token units.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice The token's decimals, as given at deployment.
    /// @return The decimals.
    function decimals() public view override returns (uint8) {
        return _DECIMALS;
    }
}
