package dev.podsite.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Reads the properties of the site's own objects in templates ({@code ${e.title}}: a
 * record's {@code title()}, a {@code getTitle()}, an {@code isDemo()}), each getter
 * looked up once per class and name.
 * <p>
 * Spring's reflective accessor looks the getter up again on every read, in 7.0: the
 * accessor an expression keeps for its next read is never reused (spring-framework#36987,
 * fixed in 7.1), so each read first asks every accessor whether it can read, Thymeleaf's
 * restricted-access checks among them, and builds a new one. A page reads a few hundred
 * properties; that was a third of a rendered page's time. Only classes of this
 * application's packages are read here, none of the types Thymeleaf's restricted mode
 * guards; anything else goes to the usual accessors.
 */
final class ViewPropertyAccessor implements PropertyAccessor {

	static final ViewPropertyAccessor INSTANCE = new ViewPropertyAccessor();

	private static final String OWN_PACKAGES = "dev.podsite.";

	private final ClassValue<Map<String, Optional<Getter>>> getters = new ClassValue<>() {

		@Override
		protected Map<String, Optional<Getter>> computeValue(Class<?> type) {
			return new ConcurrentHashMap<>();
		}

	};

	private ViewPropertyAccessor() {
	}

	@Override
	public Class<?> @Nullable [] getSpecificTargetClasses() {
		return null;
	}

	@Override
	public boolean canRead(EvaluationContext context, @Nullable Object target, String name) {
		return target != null && getter(target.getClass(), name) != null;
	}

	@Override
	public TypedValue read(EvaluationContext context, @Nullable Object target, String name) throws AccessException {
		Getter getter = (target != null) ? getter(target.getClass(), name) : null;
		if (getter == null) {
			throw new AccessException("No property '" + name + "' to read");
		}
		try {
			Object value = getter.method().invoke(target);
			return new TypedValue(value, (value == null || value.getClass() == getter.type().getType()) ? getter.type()
					: getter.type().narrow(value));
		}
		catch (InvocationTargetException | IllegalAccessException ex) {
			throw new AccessException("Unable to read property '" + name + "' through " + getter.method(), ex);
		}
	}

	@Override
	public boolean canWrite(EvaluationContext context, @Nullable Object target, String name) {
		return false;
	}

	@Override
	public void write(EvaluationContext context, @Nullable Object target, String name, @Nullable Object newValue)
			throws AccessException {
		throw new AccessException("Templates do not write properties");
	}

	private @Nullable Getter getter(Class<?> type, String name) {
		if (!type.getName().startsWith(OWN_PACKAGES)) {
			return null;
		}
		return this.getters.get(type).computeIfAbsent(name, (property) -> find(type, property)).orElse(null);
	}

	/**
	 * The getter Spring's reflective accessor would take: {@code getX()}, a boolean
	 * {@code isX()}, then a record-style {@code x()}; public, and declared by one of the
	 * application's own classes.
	 */
	private static Optional<Getter> find(Class<?> type, String property) {
		String suffix = StringUtils.capitalize(property);
		Method method = publicGetter(type, "get" + suffix);
		if (method == null) {
			method = publicGetter(type, "is" + suffix);
			if (method != null && method.getReturnType() != boolean.class && method.getReturnType() != Boolean.class) {
				method = null;
			}
		}
		if (method == null) {
			method = publicGetter(type, property);
		}
		if (method == null) {
			return Optional.empty();
		}
		// A public method of a package-private record or class.
		ReflectionUtils.makeAccessible(method);
		return Optional.of(new Getter(method, new TypeDescriptor(new MethodParameter(method, -1))));
	}

	private static @Nullable Method publicGetter(Class<?> type, String name) {
		Method method = ReflectionUtils.findMethod(type, name);
		boolean getter = method != null && Modifier.isPublic(method.getModifiers())
				&& !Modifier.isStatic(method.getModifiers()) && method.getReturnType() != void.class
				&& method.getDeclaringClass().getName().startsWith(OWN_PACKAGES);
		return getter ? method : null;
	}

	private record Getter(Method method, TypeDescriptor type) {
	}

}
