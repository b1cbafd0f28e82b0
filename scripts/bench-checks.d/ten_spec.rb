# The ten checks of scripts/bench-checks for serverspec, one host per rspec run (TARGET_HOST), as
# serverspec-init's Rakefile runs them. BENCH_PORT, BENCH_KEY and BENCH_KNOWN_HOSTS name the lab.
require 'serverspec'
require 'net/ssh'

set :backend, :ssh
set :host, ENV.fetch('TARGET_HOST')
set :ssh_options, user: 'root', port: Integer(ENV.fetch('BENCH_PORT')), keys: [ENV.fetch('BENCH_KEY')],
                  keys_only: true, user_known_hosts_file: ENV.fetch('BENCH_KNOWN_HOSTS'),
                  global_known_hosts_file: '/dev/null', verify_host_key: :always

describe package('openssh-server') do
  it { should be_installed }
end

describe service('ssh') do
  it { should be_enabled }
end

describe port(Integer(ENV.fetch('BENCH_PORT'))) do
  it { should be_listening }
end

describe file('/etc/passwd') do
  it { should exist }
  it { should be_mode 644 }
  its(:content) { should match(/root/) }
end

describe command('uname -s') do
  its(:exit_status) { should eq 0 }
end

describe process('sshd') do
  it { should be_running }
end

describe user('root') do
  it { should have_uid 0 }
end

describe group('root') do
  it { should exist }
end

describe linux_kernel_parameter('kernel.ostype') do
  its(:value) { should eq 'Linux' }
end
