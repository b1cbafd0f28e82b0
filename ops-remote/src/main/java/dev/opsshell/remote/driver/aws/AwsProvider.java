package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverProvider;
import dev.opsshell.core.system.DriverSection;

/** The aws driver plug-in: sections with one region, endpoint and retry setting share one EC2 client. */
public final class AwsProvider implements DriverProvider {
    @Override
    public String kind() {
        return "aws";
    }

    @Override
    public String connectionKey(DriverSection section) {
        return AwsSettings.connectionKey(section);
    }

    @Override
    public Driver open(DriverSection section) {
        AwsSettings settings = AwsSettings.of(section);
        return new AwsDriver(Ec2Clients.open(settings), settings.batchWindow());
    }
}
