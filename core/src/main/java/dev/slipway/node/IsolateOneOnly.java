package dev.slipway.node;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an {@link Action} of a {@link ParallelNode} in one isolation only, instead of once per host:
 * for a database client, a migration, anything that must not run on every host. The host is picked
 * by the execution's {@link Execution.Builder#chooseHost chooser} (the first host by default).
 * python-deployer's {@code isolate_one_only}. Only meaningful on a {@code ParallelNode}; building a
 * tree where a plain node uses it is an error.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IsolateOneOnly {
}
