// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAssetRegistry} from "../src/interfaces/IAssetRegistry.sol";
import {RoyaltySharesHandler} from "./handlers/RoyaltySharesHandler.sol";
import {MockERC20} from "./mocks/MockERC20.sol";
import {Fixture} from "./utils/Fixture.sol";

contract RoyaltySharesInvariantTest is Fixture {
    RoyaltySharesHandler internal handler;
    MockERC20 internal usd;

    /// The handler, deployed after the fixture, is the vault.
    function _testIsTheVault() internal pure override returns (bool) {
        return false;
    }

    function setUp() public override {
        super.setUp();
        usd = new MockERC20();
        address[] memory holders = new address[](4);
        for (uint256 i; i < holders.length; ++i) {
            holders[i] = makeAddr(string(abi.encodePacked("holder", vm.toString(i))));
        }
        uint256[] memory assets = new uint256[](2);
        IAssetRegistry.Split[] memory split = new IAssetRegistry.Split[](3);
        split[0] = IAssetRegistry.Split({holder: holders[0], shares: 500_001});
        split[1] = IAssetRegistry.Split({holder: holders[1], shares: 333_333});
        split[2] = IAssetRegistry.Split({holder: holders[2], shares: 166_666});
        for (uint256 i; i < assets.length; ++i) {
            vm.prank(builder);
            assets[i] = registry.register(IAssetRegistry.AssetKind.Model, CARD, CONTENT, split, _noParents());
        }
        handler = new RoyaltySharesHandler(shares, usd, assets, holders);
        vm.startPrank(admin);
        shares.setVault(handler);
        vm.stopPrank();
        vm.prank(address(handler));
        shares.trackCurrency(address(usd));
        targetContract(address(handler));
        // The handler's vault side (release) is for the shares alone: a fuzzed sender could be the
        // shares' address and drain it behind the ghost totals' back.
        bytes4[] memory actions = new bytes4[](3);
        actions[0] = RoyaltySharesHandler.credit.selector;
        actions[1] = RoyaltySharesHandler.transfer.selector;
        actions[2] = RoyaltySharesHandler.claim.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: actions}));
    }

    function _sumClaimable(address currency) internal view returns (uint256 total) {
        uint256[] memory assets = handler.assetList();
        address[] memory holders = handler.holderList();
        for (uint256 a; a < assets.length; ++a) {
            for (uint256 h; h < holders.length; ++h) {
                total += shares.claimable(holders[h], assets[a], currency);
            }
        }
    }

    /// Per currency: claimable + claimed + dust == credited, with dust >= 0 and bounded by rounding.
    function _checkAccounting(address currency, uint256 balance) internal view {
        uint256 credited = handler.credited(currency);
        uint256 claimed = handler.claimed(currency);
        uint256 owed = _sumClaimable(currency);
        assertEq(balance, credited - claimed, "funds in the vault == credited - claimed");
        assertLe(owed, balance, "never owes more than it holds");
        uint256 dust = balance - owed;
        // At most one wei per holder per asset per settlement or credit.
        assertLe(dust, (handler.settlements() + 16) * 8 + credited / 1e30, "dust stays rounding-sized");
    }

    function invariant_accountingSumsHoldPerCurrency() public view {
        // ETH credits arrive on paper (the handler holds a float); what actually left is float - balance.
        uint256 paidOut = handler.ETH_FLOAT() - address(handler).balance;
        _checkAccounting(address(0), handler.credited(address(0)) - paidOut);
        _checkAccounting(address(usd), usd.balanceOf(address(handler)));
    }

    function invariant_shareSupplyFixed() public view {
        uint256[] memory assets = handler.assetList();
        address[] memory holders = handler.holderList();
        for (uint256 a; a < assets.length; ++a) {
            uint256 total;
            for (uint256 h; h < holders.length; ++h) {
                total += shares.balanceOf(holders[h], assets[a]);
            }
            assertEq(total, shares.SUPPLY());
        }
    }
}
