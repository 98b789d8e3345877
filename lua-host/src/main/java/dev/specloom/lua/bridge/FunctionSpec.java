package dev.specloom.lua.bridge;

import java.util.List;

/** A function as Lua sees it: names, write flag, HTTP shape (for dry runs and docs) and its arguments. */
public record FunctionSpec(String name, List<String> aliases, boolean write, List<ArgSpec> args) {}
