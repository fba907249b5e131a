/**
 * Real-browser end-to-end tests: headless Chromium, driven through chromedriver, goes through the demo reader and the
 * auth-server's pages exactly as a new reader does (sign up, complete the profile, consent, read the personalized
 * page, change the profile, sign out), against both apps running as real processes.
 */
package ai.physical.textbook.systemtests.browser;
