# The ten checks of scripts/bench-checks for testinfra (pytest --hosts=ssh://…); BENCH_PORT is the lab's port.
import os

PORT = os.environ["BENCH_PORT"]


def test_package(host):
    assert host.package("openssh-server").is_installed


def test_service(host):
    assert host.service("ssh").is_enabled


def test_port(host):
    assert host.socket("tcp://0.0.0.0:" + PORT).is_listening


def test_file_exists(host):
    assert host.file("/etc/passwd").exists


def test_file_mode(host):
    assert host.file("/etc/passwd").mode == 0o644


def test_file_contents(host):
    assert host.file("/etc/passwd").contains("root")


def test_command(host):
    assert host.run("uname -s").rc == 0


def test_process(host):
    assert host.process.filter(comm="sshd")


def test_user(host):
    assert host.user("root").uid == 0


def test_group(host):
    assert host.group("root").exists


def test_kernel_param(host):
    assert host.sysctl("kernel.ostype") == "Linux"
