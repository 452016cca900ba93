/**
 * The neural-module commands: {@code sdvp pretrain} (the general student), {@code sdvp teacher train} (a
 * task's teacher) and {@code sdvp eval-modules} (sub-task accuracy of a backend).
 */
package org.sdvp.cli.models;
