// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {AssetRegistry} from "../src/AssetRegistry.sol";
import {IAssetRegistry} from "../src/interfaces/IAssetRegistry.sol";

contract AssetRegistryTest is Test {
    AssetRegistry internal registry;
    address internal builder = makeAddr("builder");
    bytes32 internal constant CONTENT = keccak256("chest-xray-triage v1");
    string internal constant CARD = "tessera://card/5f1c";

    function setUp() public {
        registry = new AssetRegistry();
    }

    function test_register_mintsTokenToCallerAndStoresVersionOne() public {
        vm.prank(builder);
        uint256 id = registry.register(IAssetRegistry.AssetKind.Model, CARD, CONTENT);

        assertEq(id, 1);
        assertEq(registry.ownerOf(id), builder);
        assertEq(registry.assetCount(), 1);
        IAssetRegistry.Asset memory asset = registry.assetOf(id);
        assertEq(uint8(asset.kind), uint8(IAssetRegistry.AssetKind.Model));
        assertEq(asset.versionCount, 1);
        assertEq(asset.contentHash, CONTENT);
        assertEq(asset.metadataURI, CARD);
        assertEq(registry.tokenURI(id), CARD);
    }

    function test_register_emitsAssetRegistered() public {
        vm.expectEmit(true, true, false, true, address(registry));
        emit IAssetRegistry.AssetRegistered(1, builder, IAssetRegistry.AssetKind.Dataset, CONTENT, CARD);
        vm.prank(builder);
        registry.register(IAssetRegistry.AssetKind.Dataset, CARD, CONTENT);
    }

    function test_register_assignsSequentialIds() public {
        uint256 first = registry.register(IAssetRegistry.AssetKind.Model, CARD, CONTENT);
        uint256 second = registry.register(IAssetRegistry.AssetKind.Dataset, CARD, CONTENT);
        assertEq(first, 1);
        assertEq(second, 2);
        assertEq(registry.assetCount(), 2);
    }

    function test_register_revertsOnEmptyMetadataURI() public {
        vm.expectRevert(IAssetRegistry.AssetRegistryEmptyMetadataURI.selector);
        registry.register(IAssetRegistry.AssetKind.Model, "", CONTENT);
        assertEq(registry.assetCount(), 0);
    }

    function test_register_revertsOnZeroContentHash() public {
        vm.expectRevert(IAssetRegistry.AssetRegistryZeroContentHash.selector);
        registry.register(IAssetRegistry.AssetKind.Model, CARD, bytes32(0));
        assertEq(registry.assetCount(), 0);
    }

    function test_assetOf_revertsForUnknownAsset() public {
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.AssetRegistryUnknownAsset.selector, 7));
        registry.assetOf(7);
    }

    function test_tokenURI_revertsForUnknownAsset() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 7));
        registry.tokenURI(7);
    }

    function testFuzz_register_storesWhatWasGiven(address caller, uint8 rawKind, string calldata uri, bytes32 hash)
        public
    {
        vm.assume(caller != address(0) && caller.code.length == 0);
        vm.assume(bytes(uri).length > 0 && hash != bytes32(0));
        IAssetRegistry.AssetKind kind = IAssetRegistry.AssetKind(bound(rawKind, 0, 1));

        vm.prank(caller);
        uint256 id = registry.register(kind, uri, hash);

        IAssetRegistry.Asset memory asset = registry.assetOf(id);
        assertEq(registry.ownerOf(id), caller);
        assertEq(uint8(asset.kind), uint8(kind));
        assertEq(asset.contentHash, hash);
        assertEq(asset.metadataURI, uri);
    }
}
