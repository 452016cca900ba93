/** Small measurement programs (not tests): how fast the loaders read real-size files. */
package org.sdvp.data.bench;
