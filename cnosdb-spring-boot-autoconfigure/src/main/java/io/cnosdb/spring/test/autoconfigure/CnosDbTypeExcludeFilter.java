package io.cnosdb.spring.test.autoconfigure;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/**
 * {@link TypeExcludeFilter} of {@link CnosDbTest @CnosDbTest}: component scanning finds
 * none of the application's components, only those its filters include.
 */
class CnosDbTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<CnosDbTest> {

	CnosDbTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
	}

}
