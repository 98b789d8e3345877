package dev.specloom.lua.cli;

/**
 * A {@code specloom-lua} command that another module brings (the CLI jar bundles it): a picocli
 * {@code @Command} class with a no-argument constructor that implements this interface and is listed in that
 * module's {@code META-INF/services/dev.specloom.lua.cli.Subcommand}. It gets the CLI's streams and environment
 * from a {@code @ParentCommand Main} field, and shares the exit statuses (1 failure, 2 usage error).
 */
public interface Subcommand {}
