// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Account as OzAccount} from "@openzeppelin/contracts/account/Account.sol";
import {ERC7821} from "@openzeppelin/contracts/account/extensions/draft-ERC7821.sol";
import {Execution} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";
import {BatchExecutor} from "../src/dev/BatchExecutor.sol";
import {IAssetRegistry} from "../src/interfaces/IAssetRegistry.sol";
import {Fixture} from "./utils/Fixture.sol";

/// @dev The test wallet's EIP-7702 delegate: an account that delegated to it runs a register and a
///      call that needs the new asset's number as one all-or-nothing transaction, as itself.
contract BatchExecutorTest is Fixture {
    bytes32 internal constant BATCH_MODE = bytes32(uint256(0x01) << 248);
    bytes32 internal constant NEXT_CONTENT = keccak256("chest-xray-triage v2");
    BatchExecutor internal executor;
    address internal account;

    function setUp() public override {
        super.setUp();
        executor = new BatchExecutor();
        account = makeAddr("batching builder");
        // What an EIP-7702 authorization leaves at the account: the delegation designator.
        vm.etch(account, abi.encodePacked(hex"ef0100", address(executor)));
    }

    /// @dev Register, then publish version 2 of the asset number the registration is predicted to take.
    function _publishBatch(uint256 predictedId) internal view returns (bytes memory) {
        Execution[] memory calls = new Execution[](2);
        calls[0] = Execution({
            target: address(registry),
            value: 0,
            callData: abi.encodeCall(
                IAssetRegistry.register,
                (IAssetRegistry.AssetKind.Model, CARD, CONTENT, _soleSplit(account), _noParents())
            )
        });
        calls[1] = Execution({
            target: address(registry),
            value: 0,
            callData: abi.encodeCall(IAssetRegistry.publishVersion, (predictedId, NEXT_CONTENT, CARD))
        });
        return abi.encode(calls);
    }

    function test_execute_runsEveryCallAsTheAccount() public {
        uint256 predicted = registry.assetCount() + 1;

        vm.prank(account);
        BatchExecutor(payable(account)).execute(BATCH_MODE, _publishBatch(predicted));

        assertEq(registry.ownerOf(predicted), account);
        (, uint32 versions) = registry.assetOf(predicted);
        assertEq(versions, 2);
    }

    function test_execute_revertsEveryCallWhenAnotherRegistrationTookTheNumber() public {
        uint256 predicted = registry.assetCount() + 1;
        _registerAs(builder);

        vm.prank(account);
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.AssetRegistryNotAssetOwner.selector, predicted, account));
        BatchExecutor(payable(account)).execute(BATCH_MODE, _publishBatch(predicted));

        assertEq(registry.assetCount(), predicted, "the batch's registration was undone too");
    }

    function test_execute_revertsForAnyoneButTheAccount() public {
        address stranger = makeAddr("stranger");
        bytes memory batch = _publishBatch(registry.assetCount() + 1);

        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(OzAccount.AccountUnauthorized.selector, stranger));
        BatchExecutor(payable(account)).execute(BATCH_MODE, batch);
    }

    function test_execute_revertsForAnUnsupportedMode() public {
        bytes memory batch = _publishBatch(registry.assetCount() + 1);

        vm.prank(account);
        vm.expectRevert(ERC7821.UnsupportedExecutionMode.selector);
        BatchExecutor(payable(account)).execute(bytes32(0), batch);
    }
}
