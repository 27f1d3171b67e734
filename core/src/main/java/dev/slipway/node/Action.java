package dev.slipway.node;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of a {@link Node} as an action: something the launcher lists and a user
 * can run, with its parameters converted from text.
 *
 * <pre>{@code
 * class Git extends Node {
 *   @Action(description = "Check out a commit on every host")
 *   public void checkout(String commit) { hosts().run("git checkout %s", commit); }
 * }
 * }</pre>
 *
 * <p>An override of an action is still an action, with or without the annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Action {
  /** The name to run it by; the method name when empty. */
  String name() default "";

  /** One line for listings and help. */
  String description() default "";
}
