// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Test} from "forge-std/Test.sol";
import {AssetRegistry} from "../../src/AssetRegistry.sol";
import {RoyaltyShares} from "../../src/RoyaltyShares.sol";
import {IAssetRegistry} from "../../src/interfaces/IAssetRegistry.sol";
import {ILicenseManager} from "../../src/interfaces/ILicenseManager.sol";
import {IRevenueVault} from "../../src/interfaces/IRevenueVault.sol";

/// @dev Deploys and wires the registry and the shares as the Ignition module does. Unless a test
///      overrides _testIsTheVault, the test contract itself is the revenue vault: it credits revenue like the
///      LicenseManager does and pays claims from its own balance.
abstract contract Fixture is Test, IRevenueVault {
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
        vm.stopPrank();
        if (_testIsTheVault()) {
            vm.prank(admin);
            shares.setVault(this);
        }
    }

    /// @dev Tests that deploy their own vault after the fixture return false and set it themselves.
    function _testIsTheVault() internal pure virtual returns (bool) {
        return true;
    }

    /// @dev The vault role, played by the test: funds were "received" by dealing or minting to it.
    function release(address currency, address to, uint256 amount) external {
        assertEq(msg.sender, address(shares), "only the shares release");
        if (currency == address(0)) payable(to).transfer(amount);
        else assertTrue(IERC20(currency).transfer(to, amount));
    }

    function _soleSplit(address holder) internal pure returns (IAssetRegistry.Split[] memory split) {
        split = new IAssetRegistry.Split[](1);
        split[0] = IAssetRegistry.Split({holder: holder, shares: 1_000_000});
    }

    /// @dev Terms of a soulbound research-and-clinical offer with no cap, latest version.
    function _terms(address currency, uint96 price, uint32 period) internal pure returns (ILicenseManager.Terms memory) {
        return ILicenseManager.Terms({
            price: price,
            currency: currency,
            period: period,
            maxLicenses: 0,
            pinnedVersion: 0,
            rights: 3,
            transferable: false,
            termsHash: keccak256("terms v1")
        });
    }

    function _noParents() internal pure returns (IAssetRegistry.Parent[] memory) {
        return new IAssetRegistry.Parent[](0);
    }

    function _registerAs(address who) internal returns (uint256) {
        vm.prank(who);
        return registry.register(IAssetRegistry.AssetKind.Model, CARD, CONTENT, _soleSplit(who), _noParents());
    }
}
