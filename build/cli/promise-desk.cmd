@echo off
rem promise-desk: the command line of the installed Promise Desk app (docs/cli.md).
rem This file is <app>\resources\bin\promise-desk.cmd; the app runs the command itself with --cli.
"%~dp0..\..\Promise Desk.exe" --cli %*
