package dev.slipway.provision;

import static java.util.Objects.requireNonNull;

import dev.slipway.CommandFailedException;
import dev.slipway.Host;
import dev.slipway.provision.ResourceReport.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of a server as named layers of {@link Resource}s, applied to hosts in parallel:
 *
 * <pre>{@code
 * Provisioning server = Provisioning.newBuilder()
 *     .addLayer("server", Directory.at("/srv/backups").mode(0700).build())
 *     .addLayer("platform", Packages.of("nginx", "sqlite3"))
 *     .build();
 * ProvisionReport report = server.apply(hosts);
 * ProvisionReport preview = server.select("platform").apply(host.dryRun());   // would change, with diffs
 * }</pre>
 *
 * <p>On each host the resources run in order, layer after layer; a failed resource ends that host's
 * run (later resources may depend on it) and is reported on one line; other hosts go on. On a
 * dry-run view the resources read the real state and report what would change, changing nothing.
 * Immutable and thread-safe.
 */
public final class Provisioning {
  private static final Logger log = LoggerFactory.getLogger(Provisioning.class);

  private final Map<String, Layer> layers;
  private final List<String> layerOrder;
  private final int parallelism;

  private Provisioning(Map<String, Layer> layers, int parallelism) {
    this.layers = Map.copyOf(layers);
    this.layerOrder = List.copyOf(layers.keySet());
    this.parallelism = parallelism;
  }

  /** Starts an empty provisioning. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The layers, in the order they run. */
  public List<Layer> layers() {
    return layerOrder.stream().map(layers::get).toList();
  }

  /** A copy that runs only the layers named, in their declared order. */
  public Provisioning select(String... names) {
    Map<String, Layer> kept = new LinkedHashMap<>();
    List<String> wanted = Arrays.asList(names);
    for (String name : wanted) {
      if (!layers.containsKey(name)) {
        throw new IllegalArgumentException("no layer " + name + "; layers: " + layerOrder);
      }
    }
    layerOrder.stream().filter(wanted::contains).forEach(name -> kept.put(name, layers.get(name)));
    return new Provisioning(kept, parallelism);
  }

  /** Converges every host; never throws for a resource that fails (the report says so). */
  public ProvisionReport apply(Iterable<? extends Host> hosts) {
    List<Host> all = StreamSupport.stream(hosts.spliterator(), false).map(Host.class::cast).toList();
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, Math.min(parallelism, all.size())));
    try {
      List<ResourceReport> reports = pool.submit(() -> all.parallelStream()
          .flatMap(host -> applyTo(host).stream()).toList()).get();
      return new ProvisionReport(reports);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while provisioning", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("provisioning a host threw instead of reporting", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Converges the hosts given. */
  public ProvisionReport apply(Host... hosts) {
    return apply(List.of(hosts));
  }

  private List<ResourceReport> applyTo(Host host) {
    List<ResourceReport> reports = new ArrayList<>();
    for (Layer layer : layers()) {
      for (Resource resource : layer.resources()) {
        ResourceReport report = converge(host, layer.name(), resource);
        reports.add(report);
        if (report.outcome() == Outcome.FAILED) {
          return reports;
        }
      }
    }
    return reports;
  }

  private static ResourceReport converge(Host host, String layer, Resource resource) {
    try {
      // Reads run for real in a dry run too: the plan must see the host as it is.
      Plan plan = resource.plan(host.withContext(host.context().dryRun(false)));
      if (plan.isUnchanged()) {
        return report(host, layer, resource, Outcome.UNCHANGED, plan);
      }
      if (host.context().dryRun()) {
        return report(host, layer, resource, Outcome.WOULD_CHANGE, plan);
      }
      plan.applyTo(host);
      return report(host, layer, resource, Outcome.CHANGED, plan);
    } catch (RuntimeException e) {
      String reason = e instanceof CommandFailedException failed ? failed.summary() : String.valueOf(e.getMessage());
      log.debug("{}: {} failed", host.name(), resource.describe(), e);
      return new ResourceReport(host.name(), layer, resource.describe(), Outcome.FAILED, List.of(), Optional.empty(),
          Optional.of(reason.lines().findFirst().orElse(e.getClass().getSimpleName())));
    }
  }

  private static ResourceReport report(Host host, String layer, Resource resource, Outcome outcome, Plan plan) {
    return new ResourceReport(host.name(), layer, resource.describe(), outcome, plan.changes(), plan.diff(),
        Optional.empty());
  }

  /** Collects layers; {@link #build()} makes the {@link Provisioning}. */
  public static final class Builder {
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private int parallelism = 8;

    private Builder() {}

    /** Adds the layer {@code name}, or appends {@code resources} to it if it is already there. */
    public Builder addLayer(String name, Resource... resources) {
      return addLayer(name, List.of(resources));
    }

    /** Adds the layer {@code name}, or appends {@code resources} to it if it is already there. */
    public Builder addLayer(String name, List<? extends Resource> resources) {
      List<Resource> all = new ArrayList<>(Optional.ofNullable(layers.get(name)).map(Layer::resources)
          .orElse(List.of()));
      all.addAll(requireNonNull(resources, "resources"));
      layers.put(name, new Layer(name, all));
      return this;
    }

    /** How many hosts are provisioned at once (8 unless said otherwise). */
    public Builder parallelism(int hosts) {
      if (hosts < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1, was " + hosts);
      }
      this.parallelism = hosts;
      return this;
    }

    /** The provisioning. */
    public Provisioning build() {
      return new Provisioning(layers, parallelism);
    }
  }
}
