// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {LicenseManager} from "../src/LicenseManager.sol";
import {IAssetRegistry} from "../src/interfaces/IAssetRegistry.sol";
import {MarketplaceHandler} from "./handlers/MarketplaceHandler.sol";
import {MockCuratorRewards} from "./mocks/MockCuratorRewards.sol";
import {MockERC20Permit} from "./mocks/MockERC20Permit.sol";
import {Fixture} from "./utils/Fixture.sol";

/// @dev The LicenseManager holds every sale's proceeds until they are claimed or withdrawn: per
///      currency its balance must equal what came in minus what went out, and must cover the fees
///      and every holder's claimable revenue, with only rounding dust left over.
contract LicenseManagerInvariantTest is Fixture {
    MarketplaceHandler internal handler;
    LicenseManager internal licenses;
    MockCuratorRewards internal curators;
    MockERC20Permit internal usd;

    function _testIsTheVault() internal pure override returns (bool) {
        return false;
    }

    function setUp() public override {
        super.setUp();
        curators = new MockCuratorRewards();
        usd = new MockERC20Permit();
        licenses = new LicenseManager(admin, registry, shares, curators, makeAddr("treasury"), 250, 500);
        vm.startPrank(admin);
        shares.setVault(licenses);
        licenses.setCurrencyAllowed(address(usd), true);
        vm.stopPrank();

        address[] memory holders = new address[](4);
        for (uint256 i; i < holders.length; ++i) {
            holders[i] = makeAddr(string(abi.encodePacked("holder", vm.toString(i))));
        }
        IAssetRegistry.Split[] memory split = new IAssetRegistry.Split[](3);
        split[0] = IAssetRegistry.Split({holder: holders[0], shares: 500_001});
        split[1] = IAssetRegistry.Split({holder: holders[1], shares: 333_333});
        split[2] = IAssetRegistry.Split({holder: holders[2], shares: 166_666});
        uint256[] memory assets = new uint256[](2);
        vm.startPrank(builder);
        assets[0] = registry.register(IAssetRegistry.AssetKind.Dataset, CARD, CONTENT, split, _noParents());
        IAssetRegistry.Parent[] memory parents = new IAssetRegistry.Parent[](1);
        parents[0] = IAssetRegistry.Parent({assetId: assets[0], bps: 1_500});
        assets[1] = registry.register(IAssetRegistry.AssetKind.Model, CARD, CONTENT, split, parents);
        uint256[] memory offers = new uint256[](5);
        offers[0] = licenses.createOffer(assets[1], _terms(address(0), 0.37 ether + 1, 30 days));
        offers[1] = licenses.createOffer(assets[1], _terms(address(usd), 199e6 + 3, 0));
        offers[2] = licenses.createOffer(assets[0], _terms(address(0), 142_857_142_857_142_857, 0));
        offers[3] = licenses.createOffer(assets[0], _terms(address(usd), 10e6 + 1, 7 days));
        // 19 units at 5%: a curator share that rounds to zero.
        offers[4] = licenses.createOffer(assets[1], _terms(address(usd), 19, 7 days));
        vm.stopPrank();

        handler = new MarketplaceHandler(licenses, shares, curators, usd, assets, offers, holders);
        targetContract(address(handler));
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

    function _check(address currency, uint256 balance) internal view {
        uint256 out = handler.claimed(currency) + handler.feesOut(currency) + curators.received(currency);
        assertEq(balance, handler.paidIn(currency) - out, "vault balance == paid in - claimed - fees out - curators");
        uint256 owed = licenses.accruedProtocolFees(currency) + _sumClaimable(currency);
        assertLe(owed, balance, "the vault covers the fees and every claim");
        // Rounding leaves at most a wei per holder and asset per settlement.
        assertLe(balance - owed, (handler.settlements() + 8) * 8, "dust stays rounding-sized");
    }

    function invariant_vaultBalancesPerCurrency() public view {
        _check(address(0), address(licenses).balance);
        _check(address(usd), usd.balanceOf(address(licenses)));
    }
}
