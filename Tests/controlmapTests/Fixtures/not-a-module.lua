{{Location map~ | Syria
| lat = 36.2 | long = 37.16 | mark = Test-icon-green.svg | label = Aleppo
}}
