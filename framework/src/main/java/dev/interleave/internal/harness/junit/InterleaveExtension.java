package dev.interleave.internal.harness.junit;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.internal.harness.control.Corpus;
import dev.interleave.internal.harness.control.CorpusReplays;
import dev.interleave.internal.harness.control.CrossCheck;
import dev.interleave.internal.harness.control.Exploration;
import dev.interleave.internal.harness.control.Explorer;
import dev.interleave.internal.harness.control.ScenarioSpec;
import dev.interleave.internal.harness.control.Verdicts;
import dev.interleave.internal.harness.control.WorkerPool;
import dev.interleave.internal.harness.control.WorkerPools;
import dev.interleave.internal.harness.options.Budget;
import dev.interleave.internal.harness.options.OptionsReader;
import dev.interleave.internal.harness.options.ProgressReporter;
import dev.interleave.internal.harness.options.RunOptions;
import dev.interleave.internal.harness.report.ReportWriter;
import dev.interleave.internal.runtime.Launcher;
import java.lang.reflect.Method;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * The JUnit side of {@link InterleaveTest}: one invocation per test that resolves a {@link
 * Scenario}, lets the method build it, then explores it, writes the JSON report and fails the
 * test on a finding. Public only because the annotation must name it.
 *
 * <p>Worker JVMs live in a {@link WorkerPool}, one per way of launching a worker (JVM, flags,
 * class path, the runtime's {@code interleave.*} settings), so that a test never runs on a
 * worker started for other settings. A launcher session leases the pools it uses from {@link
 * WorkerPools} and gives them back when it ends; an unused pool lingers a few seconds for the
 * next session of the same JVM before its JVMs are stopped.
 */
@API(status = API.Status.INTERNAL)
public final class InterleaveExtension implements TestTemplateInvocationContextProvider,
    ParameterResolver, InvocationInterceptor {
  private static final Namespace NAMESPACE = Namespace.create(InterleaveExtension.class);
  private static final String SCENARIO = "scenario";
  private static final String POOL = "workerPool";

  /**
   * The pool of workers launched as a child would be launched now, leased for the launcher
   * session (the lease is given back when the session ends).
   */
  private static WorkerPool pool(ExtensionContext context) {
    String key = Launcher.launchKey(HARNESS_PROPERTIES);
    return context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE)
        .computeIfAbsent(POOL + "\u0000" + key, k -> WorkerPools.lease(key),
            WorkerPools.Lease.class).pool();
  }

  /**
   * The harness's own options ({@link InterleaveProperties}'s names): read in the test JVM
   * only, so workers started under other values of them are interchangeable.
   */
  private static final java.util.Set<String> HARNESS_PROPERTIES = harnessProperties();

  private static java.util.Set<String> harnessProperties() {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (java.lang.reflect.Field f : InterleaveProperties.class.getFields()) {
      if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
        try {
          names.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("cannot read " + f, e);
        }
      }
    }
    return java.util.Set.copyOf(names);
  }

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> m.isAnnotationPresent(InterleaveTest.class))
        .orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    RunOptions options = OptionsReader.read(context);
    return Stream.of(new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int index) {
        return OptionsReader.describe(options);
      }
    });
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
    return p.getParameter().getType() == Scenario.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext context) {
    ScenarioSpec spec = new ScenarioSpec(context.getRequiredTestMethod().getName());
    context.getStore(NAMESPACE).put(SCENARIO, spec);
    return spec;
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context)
      throws Throwable {
    invocation.proceed();
    Method method = context.getRequiredTestMethod();
    ScenarioSpec spec = context.getStore(NAMESPACE).get(SCENARIO, ScenarioSpec.class);
    if (spec == null || spec.body() == null) {
      throw new ExtensionConfigurationException("@InterleaveTest method [" + method.getName()
          + "] must register a body with Scenario.body(...) but registered: none");
    }
    RunOptions options = OptionsReader.read(context);
    WorkerPool pool = pool(context);
    java.util.Optional<Corpus> corpus = options.replay() == null ? Corpus.of(context)
        : java.util.Optional.empty();
    Exploration replayed = corpus.isEmpty() ? null
        : CorpusReplays.replay(corpus.get(), pool, spec, options);
    int stressRuns = replayed != null ? 0 : OptionsReader.crossCheck(context, options);
    Explorer explorer = new Explorer(pool, spec, options, Budget.read(context, options),
        ProgressReporter.of(context), stressRuns == 0 && OptionsReader.stopAtFirst(context));
    CrossCheck.Result both = stressRuns == 0 ? null
        : CrossCheck.run(pool, spec, options, explorer, stressRuns);
    Exploration result = replayed != null ? replayed
        : both != null ? both.exploration() : explorer.explore();
    Verdicts.Judgement own = Verdicts.judge(result, spec);
    Verdicts.Judgement judgement = both == null ? own : both.judge(own);
    ReportWriter.write(context, spec, result, judgement, both == null ? null : both.report());
    if (corpus.isPresent() && replayed == null) {
      CorpusReplays.save(corpus.get(), result, own); // the failure's own verdict, not the sides'
    }
    if (both != null && !both.missed().isEmpty()) {
      throw new AssertionError(judgement.reason());
    }
    Verdicts.enforce(result, judgement);
  }
}
