package dev.slipway.ssh;

import dev.slipway.ssh.testing.OpenSshServer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class where a real OpenSSH sshd cannot run, with the reason and how to enable it in
 * the test report (an assumption in {@code @BeforeAll} leaves no trace there).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresOpenSsh.Condition.class)
@interface RequiresOpenSsh {
  /** Enabled only when {@link OpenSshServer#availability()} is empty. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return OpenSshServer.availability()
          .map(reason -> ConditionEvaluationResult.disabled("OpenSSH tests skipped: " + reason))
          .orElseGet(() -> ConditionEvaluationResult.enabled("sshd can run here"));
    }
  }
}
