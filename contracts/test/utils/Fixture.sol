// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {AssetRegistry} from "../../src/AssetRegistry.sol";
import {RoyaltyShares} from "../../src/RoyaltyShares.sol";
import {IAssetRegistry} from "../../src/interfaces/IAssetRegistry.sol";

/// @dev Deploys and wires the registry and the shares as the Ignition module does; the test contract
///      itself holds DEPOSITOR_ROLE so it can credit revenue like the LicenseManager will.
abstract contract Fixture is Test {
    RoyaltyShares internal shares;
    AssetRegistry internal registry;
    address internal admin = makeAddr("admin");
    address internal builder = makeAddr("builder");
    bytes32 internal constant CONTENT = keccak256("chest-xray-triage v1");
    string internal constant CARD = "tessera://card/5f1c";

    function setUp() public virtual {
        shares = new RoyaltyShares(admin);
        registry = new AssetRegistry(shares);
        vm.startPrank(admin);
        shares.grantRole(shares.MINTER_ROLE(), address(registry));
        shares.grantRole(shares.DEPOSITOR_ROLE(), address(this));
        vm.stopPrank();
    }

    function _soleSplit(address holder) internal pure returns (IAssetRegistry.Split[] memory split) {
        split = new IAssetRegistry.Split[](1);
        split[0] = IAssetRegistry.Split({holder: holder, shares: 1_000_000});
    }

    function _noParents() internal pure returns (IAssetRegistry.Parent[] memory) {
        return new IAssetRegistry.Parent[](0);
    }

    function _registerAs(address who) internal returns (uint256) {
        vm.prank(who);
        return registry.register(IAssetRegistry.AssetKind.Model, CARD, CONTENT, _soleSplit(who), _noParents());
    }
}
