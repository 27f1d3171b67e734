package dev.slipway.node;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a {@link Node} that must hold a value (not {@code null}, not a blank string) once the
 * tree is built; python-deployer's {@code required_property}. A subclass or the constructor fills
 * it in:
 *
 * <pre>{@code
 * class UpstartService extends Node {
 *   @Required protected String service;
 *   @Action public void start() { hosts().sudo().run("service %s start", service); }
 * }
 * class Redis extends UpstartService { { service = "redis"; } }
 * }</pre>
 *
 * Building a tree where it is missing fails with an {@link InvalidTreeException} naming the node
 * path and the field.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Required {
  /** What the setting is, shown in the error; e.g. {@code "the upstart service name"}. */
  String value() default "";
}
