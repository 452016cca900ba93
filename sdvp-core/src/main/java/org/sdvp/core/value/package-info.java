/**
 * Program values (a closed, sealed set) with image provenance: a crop knows its source image and region.
 * Values are immutable; images are never mutated after creation, so values may be shared across threads.
 */
package org.sdvp.core.value;
