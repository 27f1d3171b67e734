package dev.slipway.shell;

import dev.slipway.cli.Slipway;
import dev.slipway.node.Node;
import dev.slipway.ssh.SshHost;

/** A tree whose one node has the host {@code web1} of the user's {@code ~/.ssh/config}, behind the launcher and shell. */
public final class SshShellTree {
  private SshShellTree() {}

  public static void main(String[] args) {
    Slipway.start(Node.root().child("web", new Node(), roles -> roles.add("host", SshHost.builder("web1").build())),
        args);
  }
}
