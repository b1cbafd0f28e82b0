package dev.opsshell.core.system;

/** CPUs and memory, with the names operators say: {@code tiny() … xlarge()}. */
public record Size(String name, int cpu, int ramMb) {
    public static final Size TINY = new Size("tiny", 1, 512);
    public static final Size SMALL = new Size("small", 1, 1024);
    public static final Size MEDIUM = new Size("medium", 2, 2048);
    public static final Size LARGE = new Size("large", 4, 4096);
    public static final Size XLARGE = new Size("xlarge", 8, 8192);

    public Size {
        if (cpu < 1 || ramMb < 64) throw new IllegalArgumentException("a size needs at least 1 cpu and 64 MiB");
    }
}
