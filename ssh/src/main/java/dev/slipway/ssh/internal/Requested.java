package dev.slipway.ssh.internal;

import dev.slipway.Secret;
import dev.slipway.event.EventListener;
import dev.slipway.ssh.HostKeyPolicy;
import dev.slipway.ssh.PassphrasePrompt;
import dev.slipway.ssh.internal.SshSettings.Identity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the program set on an {@link dev.slipway.ssh.SshHost.Builder}; every empty value is taken
 * from the ssh config files or OpenSSH's default by {@link SettingsResolver}.
 *
 * @param name the host's name in logs, events and errors
 * @param address the address, or the alias looked up in the config
 * @param port the port
 * @param user the login user
 * @param identities keys named in code
 * @param password a login password
 * @param knownHosts the only known_hosts file to use
 * @param hostKeys the host key policy
 * @param sshConfig the only config file to read (as {@code ssh -F})
 * @param home the home directory whose {@code .ssh} is read
 * @param agentSocket the agent socket to use
 * @param noAgent whether never to ask an agent
 * @param passphrases asks for passphrases of encrypted keys
 * @param jumpHosts jump hosts, nearest first
 * @param connectTimeout the connect limit
 * @param keepAlive the keep-alive interval
 * @param commandTimeout the default command limit
 * @param sudoPassword the sudo password
 * @param maxChannels the most channels at once
 * @param events receives connection events
 */
public record Requested(String name, Optional<String> address, Optional<Integer> port, Optional<String> user,
                        List<Identity> identities, Optional<Secret> password, Optional<Path> knownHosts,
                        Optional<HostKeyPolicy> hostKeys, Optional<Path> sshConfig, Optional<Path> home,
                        Optional<Path> agentSocket, boolean noAgent, PassphrasePrompt passphrases, List<String> jumpHosts,
                        Optional<Duration> connectTimeout, Optional<Duration> keepAlive,
                        Optional<Duration> commandTimeout, Optional<Secret> sudoPassword, int maxChannels,
                        EventListener events) {
  public Requested {
    identities = List.copyOf(identities);
    jumpHosts = List.copyOf(jumpHosts);
  }
}
