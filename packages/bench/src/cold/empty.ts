/** Cold start floor: node starting and exiting, nothing imported. */
export {}
