/**
 * A chat-completions server on 127.0.0.1 with scripted replies, for tests and for checking
 * {@code sdvp eval --programs llm} end to end without a real model ({@code scripts/fake-llm-server.sh}).
 */
package org.sdvp.llm.fake;
