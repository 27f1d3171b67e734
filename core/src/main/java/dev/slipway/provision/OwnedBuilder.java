package dev.slipway.provision;

/**
 * What the builders of path resources share: the owner, group and mode to give the path. What is
 * not set is left as the host has it.
 *
 * @param <B> the builder itself, returned by each setter
 */
public abstract class OwnedBuilder<B extends OwnedBuilder<B>> {
  Ownership ownership = Ownership.none();

  OwnedBuilder() {}

  /** The user that owns the path. */
  public B owner(String user) {
    ownership = ownership.withOwner(user);
    return self();
  }

  /** The path's group. */
  public B group(String name) {
    ownership = ownership.withGroup(name);
    return self();
  }

  /** The permission bits, e.g. {@code 0750}. */
  public B mode(int bits) {
    ownership = ownership.withMode(bits);
    return self();
  }

  abstract B self();
}
