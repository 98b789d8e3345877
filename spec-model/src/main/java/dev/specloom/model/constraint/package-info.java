/**
 * One constraint table per function ({@link dev.specloom.model.constraint.ConstraintTable}): generated once by
 * codegen into each params class, applied by the params builder (defaults, checks) and read by the Lua bridge to
 * convert a script's arguments, so a constraint lives in one place and a Lua call is checked once.
 */
package dev.specloom.model.constraint;
