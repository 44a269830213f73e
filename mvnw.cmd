@REM Runs the Maven that ships with the project in .mvn\maven.
@"%~dp0.mvn\maven\bin\mvn.cmd" %*
