// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {RoyaltyShares} from "../../src/RoyaltyShares.sol";
import {IRevenueVault} from "../../src/interfaces/IRevenueVault.sol";
import {MockERC20} from "../mocks/MockERC20.sol";

/// @dev Drives RoyaltyShares with bounded random credits, transfers and claims among a fixed set of
///      holders, and keeps ghost totals the invariants compare against. It is also the revenue vault:
///      credited funds sit here and claims are paid from here, as the LicenseManager does.
contract RoyaltySharesHandler is Test, IRevenueVault {
    RoyaltyShares internal immutable shares;
    MockERC20 internal immutable usd;
    uint256[] internal assets;
    address[] public holders;
    address[2] internal currencies;

    mapping(address currency => uint256) public credited;
    mapping(address currency => uint256) public claimed;
    uint256 public settlements;

    constructor(RoyaltyShares shares_, MockERC20 usd_, uint256[] memory assets_, address[] memory holders_) {
        shares = shares_;
        usd = usd_;
        assets = assets_;
        holders = holders_;
        currencies = [address(0), address(usd_)];
        // A float funded once up front, from which claims are paid: dealing to the handler's own
        // address while it runs does not stick on Hardhat's EDR (a 7 wei credit went missing in CI).
        vm.deal(address(this), ETH_FLOAT);
    }

    /// @notice ETH the handler starts with, on top of which credits arrive.
    uint256 public constant ETH_FLOAT = 1e30;

    function release(address currency, address to, uint256 amount) external {
        assertEq(msg.sender, address(shares), "only the shares release");
        if (currency == address(0)) payable(to).transfer(amount);
        else assertTrue(usd.transfer(to, amount));
    }

    function credit(uint256 assetSeed, bool inEth, uint256 amount) external {
        uint256 asset = assets[assetSeed % assets.length];
        amount = bound(amount, 1, 1e24);
        if (inEth) {
            shares.creditRevenue(asset, address(0), amount);
            credited[address(0)] += amount;
        } else {
            usd.mint(address(this), amount);
            shares.creditRevenue(asset, address(usd), amount);
            credited[address(usd)] += amount;
        }
    }

    function transfer(uint256 fromSeed, uint256 toSeed, uint256 assetSeed, uint256 amount) external {
        address from = holders[fromSeed % holders.length];
        address to = holders[toSeed % holders.length];
        uint256 asset = assets[assetSeed % assets.length];
        amount = bound(amount, 0, shares.balanceOf(from, asset));
        vm.prank(from);
        shares.safeTransferFrom(from, to, asset, amount, "");
        settlements += 2;
    }

    function claim(uint256 holderSeed) external {
        address holder = holders[holderSeed % holders.length];
        address[] memory list = new address[](2);
        (list[0], list[1]) = (currencies[0], currencies[1]);
        vm.prank(holder);
        uint256[] memory paid = shares.claim(assets, list, holder);
        claimed[address(0)] += paid[0];
        claimed[address(usd)] += paid[1];
        settlements += assets.length;
    }

    function assetList() external view returns (uint256[] memory) {
        return assets;
    }

    function holderList() external view returns (address[] memory) {
        return holders;
    }
}
