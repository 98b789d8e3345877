package dev.specloom.lua;

import org.luaj.vm2.LuaError;

/**
 * A write the account's policy refused: nothing was sent. Scripts see its message like any Lua error; hosts that
 * call a function from Java (the MCP server) tell it from bad input by its type, never by its wording.
 */
public final class WriteRefusedError extends LuaError {
  WriteRefusedError(String message) {
    super(message);
  }
}
