package dev.candela.optimizer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Times a method of a Guice-built object with the runtime's profiler, when {@link OptimizerModule} is
 * installed; on a type, times each of its public methods. Guice intercepts by subclassing, so the class
 * and method must be neither final nor private, and the object must come from the injector.
 *
 * <pre>{@code
 * class SignalModel {
 *     @Profiled("model.score")
 *     double[] score(FeatureMatrix features) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Profiled {

    /** The section's name; empty means {@code SimpleClassName.method}. */
    String value() default "";
}
