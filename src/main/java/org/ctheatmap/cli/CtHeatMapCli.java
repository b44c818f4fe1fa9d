package org.ctheatmap.cli;

public class CtHeatMapCli {
	public static void main(String[] args) {
		System.out.println("hello");
	}
}
