package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.Size;

import java.util.List;
import java.util.Map;

/**
 * Sizes as EC2 instance types: ops's named sizes map to fixed types (tiny → t3.micro, small →
 * t3.small, medium → t3.medium, large → m5.xlarge, xlarge → m5.2xlarge); any other size gets the
 * smallest type of the table with at least its CPUs and memory. The section's {@code instance_type} overrides both.
 */
final class InstanceTypes {
    record Row(String type, int cpu, int ramMb) {
    }

    static final Map<Size, String> NAMED = Map.of(Size.TINY, "t3.micro", Size.SMALL, "t3.small",
            Size.MEDIUM, "t3.medium", Size.LARGE, "m5.xlarge", Size.XLARGE, "m5.2xlarge");

    static final List<Row> TABLE = List.of(new Row("t3.micro", 2, 1024), new Row("t3.small", 2, 2048),
            new Row("t3.medium", 2, 4096), new Row("m5.xlarge", 4, 16384), new Row("m5.2xlarge", 8, 32768),
            new Row("m5.4xlarge", 16, 65536), new Row("m5.8xlarge", 32, 131072));

    private InstanceTypes() {
    }

    static String of(Machine m, AwsSettings settings) {
        if (settings.instanceType() != null) return settings.instanceType();
        for (Map.Entry<Size, String> named : NAMED.entrySet()) {
            if (named.getKey().cpu() == m.cpu() && named.getKey().ramMb() == m.ramMb()) return named.getValue();
        }
        for (Row r : TABLE) if (r.cpu() >= m.cpu() && r.ramMb() >= m.ramMb()) return r.type();
        throw new DriverException("aws: no instance type in ops's table fits " + m.cpu() + " cpu and " + m.ramMb()
                + " MiB; set the aws setting instance_type (e.g. m5.16xlarge)");
    }
}
