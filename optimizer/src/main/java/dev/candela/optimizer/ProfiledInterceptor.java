package dev.candela.optimizer;

import com.google.inject.Provider;
import dev.candela.spi.Profiler;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times every call of a {@link Profiled} method as a section named by the annotation, or
 * {@code SimpleClassName.method}. The profiler is looked up once, on the first call, because interceptors
 * are made before the injector exists.
 */
final class ProfiledInterceptor implements MethodInterceptor {
    private final Provider<Profiler> source;
    private final ConcurrentHashMap<Method, String> names = new ConcurrentHashMap<>();
    private volatile Profiler profiler;

    ProfiledInterceptor(Provider<Profiler> source) {
        this.source = source;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Profiler p = profiler;
        if (p == null) {
            p = source.get();
            profiler = p;
        }
        Method method = invocation.getMethod();
        String name = names.get(method);
        if (name == null) {
            name = names.computeIfAbsent(method, ProfiledInterceptor::sectionName);
        }
        Profiler.Scope scope = p.scope(name);
        try {
            return invocation.proceed();
        } finally {
            scope.close();
        }
    }

    static String sectionName(Method method) {
        Profiled onMethod = method.getAnnotation(Profiled.class);
        if (onMethod != null && !onMethod.value().isEmpty()) {
            return onMethod.value();
        }
        Profiled onType = method.getDeclaringClass().getAnnotation(Profiled.class);
        String prefix = onType != null && !onType.value().isEmpty() ? onType.value()
                : method.getDeclaringClass().getSimpleName();
        return prefix + "." + method.getName();
    }
}
