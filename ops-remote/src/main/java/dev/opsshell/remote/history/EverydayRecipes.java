package dev.opsshell.remote.history;

import dev.opsshell.core.history.Recipes;
import dev.opsshell.remote.Everyday;

import java.util.List;

/**
 * How history builds the everyday built-ins again (packages, services, the simple file operations):
 * each declares its recipe ({@code HostScript.rebuiltBy}), and these are the builders those recipes
 * name. {@code write} and {@code template} declare none: their content may be a secret.
 */
public final class EverydayRecipes {
    private EverydayRecipes() {
    }

    /** Registers the builders (idempotent). */
    public static void register() {
        Recipes.register("update", a -> Everyday.update());
        Recipes.register("upgrade", a -> Everyday.upgrade());
        Recipes.register("install", a -> Everyday.install(a.toArray(String[]::new)));
        Recipes.register("remove", a -> Everyday.remove(a.toArray(String[]::new)));
        Recipes.register("start", a -> Everyday.start(one(a, "start")));
        Recipes.register("stop", a -> Everyday.stop(one(a, "stop")));
        Recipes.register("restart", a -> Everyday.restart(one(a, "restart")));
        Recipes.register("reload", a -> Everyday.reload(one(a, "reload")));
        Recipes.register("enable", a -> Everyday.enable(one(a, "enable")));
        Recipes.register("disable", a -> Everyday.disable(one(a, "disable")));
        Recipes.register("mkdir", a -> Everyday.mkdir(one(a, "mkdir")));
        Recipes.register("rm", a -> Everyday.rm(one(a, "rm")));
        Recipes.register("chmod", a -> Everyday.chmod(two(a, "chmod")[0], two(a, "chmod")[1]));
        Recipes.register("chown", a -> Everyday.chown(two(a, "chown")[0], two(a, "chown")[1]));
        Recipes.register("lineInFile", a -> Everyday.lineInFile(two(a, "lineInFile")[0], two(a, "lineInFile")[1]));
    }

    private static String one(List<String> args, String name) {
        if (args.size() != 1) throw new IllegalArgumentException(name + " is rebuilt from 1 argument, the record has " + args.size());
        return args.get(0);
    }

    private static String[] two(List<String> args, String name) {
        if (args.size() != 2) throw new IllegalArgumentException(name + " is rebuilt from 2 arguments, the record has " + args.size());
        return new String[] {args.get(0), args.get(1)};
    }
}
