package dev.opsshell.remote.driver.aws;

/** An EC2 error answer: its code, message and HTTP status, as EC2 sends them. */
final class Ec2Fault extends RuntimeException {
    final int status;
    final String code;

    Ec2Fault(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static Ec2Fault notFound(String id) {
        return new Ec2Fault(400, "InvalidInstanceID.NotFound", "The instance ID '" + id + "' does not exist");
    }
}
